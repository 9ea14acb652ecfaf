export * from './participant.entity';
export * from './enrollment.entity';
export * from './claim.entity';
export * from './employer.entity';

import { ClaimEntity } from './claim.entity';
import { EmployerEntity } from './employer.entity';
import { EnrollmentEntity } from './enrollment.entity';
import { ParticipantEntity } from './participant.entity';

export const bpjsEntities = [ParticipantEntity, EnrollmentEntity, ClaimEntity, EmployerEntity];
