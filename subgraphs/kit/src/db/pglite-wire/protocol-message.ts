/** One typed PostgreSQL protocol message: its type byte, its length (counting itself), its body. */
export function protocolMessage(type: string, ...body: Buffer[]): Buffer {
  const content = Buffer.concat(body);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(content.length + 4, 1);
  return Buffer.concat([header, content]);
}

/** A string as the protocol sends it: UTF-8, ended by a zero byte. */
export const cstring = (text: string): Buffer => Buffer.from(`${text}\0`, 'utf8');
