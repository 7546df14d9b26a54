// The department registry as the designer knows it (GET /api/departments),
// shared by the properties panel's department fields and the lint config.

import type { Department } from '../../../../web/shared/api/client.js';

/** Lower case without Vietnamese diacritics: "Công an xã" → "cong an xa". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * The query, as typed (diacritics optional, spaces normalised), appears in
 * the department's name, code or agency: "cong an" finds "Công an xã …" but
 * not "Công chức … Đông Anh".
 */
export function matchesDepartment(department: Department, query: string): boolean {
  const phrase = foldForSearch(query).replace(/\s+/g, ' ').trim();
  if (!phrase) return true;
  return [department.name, department.code, department.agency]
    .some((field) => foldForSearch(field).replace(/\s+/g, ' ').includes(phrase));
}

export class DepartmentRegistry {
  private items: Department[] = [];
  private byCode = new Map<string, Department>();
  loaded = false;

  set(departments: Department[]): void {
    this.items = [...departments].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    this.byCode = new Map(this.items.map((d) => [d.code, d]));
    this.loaded = true;
  }

  clear(): void {
    this.items = [];
    this.byCode.clear();
    this.loaded = false;
  }

  list(): Department[] {
    return this.items;
  }

  get(code: string | undefined | null): Department | undefined {
    return code ? this.byCode.get(code) : undefined;
  }

  codes(): string[] {
    return this.items.map((d) => d.code);
  }

  search(query: string): Department[] {
    return this.items.filter((d) => matchesDepartment(d, query));
  }

  /** "Name (CODE)", or the bare code when unknown. */
  label(code: string): string {
    const d = this.byCode.get(code);
    return d ? `${d.name} (${d.code})` : code;
  }
}
