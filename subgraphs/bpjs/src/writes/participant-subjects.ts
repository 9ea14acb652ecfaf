/** Whom a change to a participant is about, as the audit trail names them: their NIK and their KPJ. */
export const participantSubjects = (participant: { nik: string; kpj: string }): string[] => [
  `nik:${participant.nik}`,
  `kpj:${participant.kpj}`,
];
