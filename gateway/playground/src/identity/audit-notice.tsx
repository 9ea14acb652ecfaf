/** Says, before anyone reads personal data, that the agencies record who read it and why. */
export function AuditNotice({ subject }: { subject: string | null }) {
  return (
    <p className="jembatan-audit-notice" role="note">
      Reading personal data (NIK, names, wages, enrolments, claims) is recorded in the agencies&rsquo; audit trails
      (Pemprov DKI and BPJS Ketenagakerjaan) with the purpose you declare, under your subject{' '}
      {subject ? <code className="jembatan-audit-subject">{subject}</code> : 'from your token'}.
    </p>
  );
}
