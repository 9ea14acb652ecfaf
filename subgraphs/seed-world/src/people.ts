import type { IsoDate } from './dates';
import { randomName, type Sex } from './names';
import { encodeNik } from '@jembatan/kit/identifiers';
import type { Random } from './random';

export interface Person {
  nik: string;
  name: string;
  sex: Sex;
  birthDate: IsoDate;
  /** Kemendagri kecamatan of first registration, the one the NIK carries. */
  districtCode: string;
}

export interface PersonSpec {
  districtCode: string;
  birthDate: IsoDate;
  sex: Sex;
}

/**
 * Issues people with unique NIKs. Workers and other participants come from one registry, so the
 * NIK that joins the two agencies' data can never collide between them.
 */
export class PeopleRegistry {
  private readonly issued = new Set<string>();

  constructor(private readonly random: Random) {}

  create(spec: PersonSpec): Person {
    return {
      nik: this.issueNik(spec),
      name: randomName(this.random, spec.sex),
      sex: spec.sex,
      birthDate: spec.birthDate,
      districtCode: spec.districtCode,
    };
  }

  private issueNik(spec: PersonSpec): string {
    // Dukcapil serials count up per district, birth date and sex, so they stay small; a random
    // low serial looks like that and rarely collides, and a collision just tries again.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const nik = encodeNik({
        districtCode: spec.districtCode,
        birthDate: spec.birthDate,
        sex: spec.sex,
        serial: this.random.int(1, 300),
      });
      if (!this.issued.has(nik)) return this.remember(nik);
    }
    for (let serial = 301; serial <= 9999; serial += 1) {
      const nik = encodeNik({ districtCode: spec.districtCode, birthDate: spec.birthDate, sex: spec.sex, serial });
      if (!this.issued.has(nik)) return this.remember(nik);
    }
    throw new Error(`No NIK serial left for ${spec.districtCode} ${spec.birthDate} ${spec.sex}`);
  }

  private remember(nik: string): string {
    this.issued.add(nik);
    return nik;
  }
}
