// The designer page: sign-in, the procedure library, the modeler with its
// properties panel, live lint, deploy, files, language.

import Modeler from 'bpmn-js/lib/Modeler';
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import lintModule from 'bpmn-js-bpmnlint';
import TokenSimulationModule from 'bpmn-js-token-simulation';
import onestopModdle from '../../engine/bpmn/onestop-moddle.json';
import { packedLintConfig } from '../../engine/lint/lintConfig.js';
import { elementLabel, lintMessage } from '../../engine/lint/lintMessages.js';
import { lintItemSeverity } from '../../engine/lint/itemSeverity.js';
import { ApiError, OnestopApi, type ProblemItem } from '../../web/shared/api/client.js';
import { el } from '../../web/shared/dom.js';
import { bpmnTranslate, currentLang, setLang, t, type DesignerKey } from '../../web/shared/i18n/i18n.js';
// One sign-in for the designer and the workspace (see web/shared/session.ts).
import { storedCsrf, storeCsrf, TOKEN_KEY } from '../../web/shared/session.js';
import { downloadText, ensureLayout, fileNameFor, newDiagramXml } from './modules/diagramFiles/index.js';
import OnestopPropertiesModule from './modules/onestopProperties/index.js';
import { DepartmentRegistry } from './modules/onestopProperties/departmentRegistry.js';
import { processOf } from './modules/onestopProperties/modelWrites.js';
import TranslateModule from './modules/translate/index.js';
import SupportedPaletteModule from './modules/palette/index.js';
import { localizedLint } from './modules/translate/lintMessages.js';
import { personLabel } from './modules/translate/elementNames.js';
import ServerProblemsModule, { SERVER_PROBLEMS_CHANGED, type ServerProblem, type ServerProblems } from './modules/serverProblems/index.js';
import KeyboardGuardModule from './modules/keyboardGuard/index.js';
import { askToPublish, showDiff, type DialogProblem } from './modules/publishing/index.js';
import { formatDateTime } from '../../web/shared/format.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

type DocSource =
  | { kind: 'new' }
  | { kind: 'file'; fileName: string }
  | { kind: 'server'; code: string; version: number }
  /** A draft saved on the server (shareable as /designer/?ban-nhap=<id>). */
  | { kind: 'draft'; id: string; code: string | null; basedOnVersion: number | null };

interface LintItem {
  /** Where bpmn-js-bpmnlint shows it (a participant stands in for its process). */
  shownOn: string;
  elementId: string;
  message: string;
  rule: string;
  severity: 'error' | 'warning' | 'info';
}

interface ListedProblem {
  source: 'server' | 'lint' | 'import';
  severity: 'error' | 'warning' | 'info';
  elementId: string | null;
  shownOn: string | null;
  message: string;
  rule?: string;
}

const $ = <T extends HTMLElement = HTMLElement>(selector: string): T => {
  const element = document.querySelector<T>(selector);
  if (!element) throw new Error(`the page lacks ${selector}`);
  return element;
};

export class DesignerApp {
  modeler: Any = null;
  readonly departments = new DepartmentRegistry();
  readonly api = new OnestopApi(() => this.token, () => null, () => storedCsrf());
  private token: string | null = null;
  /** A person signed in with their own password (in the workspace or here): the session is a cookie. */
  private person: { name: string; fullName: string | null } | null = null;
  private doc: DocSource = { kind: 'new' };
  private savedXml: string | null = null;
  private dirty = false;
  private dirtyTimer: ReturnType<typeof setTimeout> | null = null;
  private lintItems: LintItem[] = [];
  private importWarnings: string[] = [];
  private serverWarnings: ProblemItem[] = [];
  private simulating = false;
  private deploying = false;
  private expanded = new Set<string>();
  /** Imports done, and the import whose lint last completed: equal once the open diagram has been linted. */
  private importSeq = 0;
  private lintedSeq = -1;

  async start(): Promise<void> {
    try {
      this.token = sessionStorage.getItem(TOKEN_KEY);
    } catch {
      this.token = null;
    }
    setLang(currentLang());
    this.applyStaticTexts();
    this.bindShell();
    this.createModeler();
    await this.openXml(newDiagramXml(), { kind: 'new' }, { quiet: true });
    this.renderAuth();
    this.renderLibrary();
    if (this.token) {
      const ok = await this.signIn(this.token, { quiet: true });
      if (!ok) this.showSignIn();
    } else if (!(await this.resumeSession())) {
      this.showSignIn();
    }
    // A shared link: /designer/?ban-nhap=<id> (“bản nháp”) opens that draft.
    const draftId = new URLSearchParams(location.search).get('ban-nhap');
    if (draftId && this.signedIn) await this.openDraft(draftId);
  }

  // -------------------------------------------------------------------------
  // modeler

  private createModeler(): void {
    this.modeler = new Modeler({
      container: '#canvas',
      propertiesPanel: { parent: '#properties' },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        OnestopPropertiesModule,
        lintModule,
        TokenSimulationModule,
        ServerProblemsModule,
        KeyboardGuardModule,
        TranslateModule,
        SupportedPaletteModule,
      ],
      moddleExtensions: { onestop: onestopModdle },
      linting: { active: true, bpmnlint: this.lintConfig() },
      onestop: { departments: this.departments },
    });
    const eventBus = this.modeler.get('eventBus');
    // The lint button counts what the problem list lists (lint and server problems alike), so the two never disagree.
    const linting = this.modeler.get('linting');
    linting._updateButton = () => linting._setButtonState(this.problemCounts());
    // Runs before bpmn-js-bpmnlint's own (low priority) import.done listener
    // starts the lint of the new diagram; lint runs started earlier are
    // discarded by the plugin once that one starts.
    eventBus.on('import.done', () => {
      this.importSeq += 1;
    });
    eventBus.on('commandStack.changed', () => {
      this.renderUndo();
      this.scheduleDirtyCheck();
    });
    eventBus.on('linting.completed', ({ issues }: { issues: Record<string, Any[]> }) => {
      this.lintItems = Object.entries(issues).flatMap(([shownOn, reports]) =>
        reports.map((r: Any) => ({
          shownOn,
          elementId: r.actualElementId ?? r.id ?? shownOn,
          message: r.message,
          rule: r.rule,
          severity: lintItemSeverity(r.category, r.rule),
        }) as LintItem));
      this.lintedSeq = this.importSeq;
      this.renderProblems();
    });
    eventBus.on(SERVER_PROBLEMS_CHANGED, () => this.renderProblems());
    eventBus.on('tokenSimulation.toggleMode', ({ active }: { active: boolean }) => {
      this.simulating = active;
      this.renderToolbar();
      this.localizeSimulationToggle();
    });
    // diagram.init has fired inside the constructor: the toggle is drawn.
    this.localizeSimulationToggle();
    eventBus.on('elements.changed', () => this.renderDoc());
  }

  /** token simulation writes "Token Simulation" on its canvas toggle; say it in the page's language. */
  private localizeSimulationToggle(): void {
    const toggle = this.modeler?.get('canvas').getContainer().querySelector('.bts-toggle-mode');
    const label = toggle && [...toggle.childNodes].find((n: Node) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (label) label.textContent = `${t('toolbar.simulationToggle')} `;
  }

  private lintConfig() {
    return localizedLint(packedLintConfig(this.departments.loaded ? { departments: this.departments.codes() } : {}), currentLang());
  }

  private get serverProblems(): ServerProblems {
    return this.modeler.get('serverProblems');
  }

  /** Re-creates the modeler (for a language change), keeping the diagram, its server problems and its unsaved state. */
  private async recreateModeler(): Promise<void> {
    const { xml } = await this.modeler.saveXML({ format: true });
    const problems: ServerProblem[] = this.serverProblems.list();
    const selected = this.modeler.get('selection').get().map((e: Any) => e.id);
    const wasSimulating = this.simulating;
    this.modeler.destroy();
    this.simulating = false;
    this.createModeler();
    await this.modeler.importXML(xml);
    this.serverProblems.set(problems);
    // The properties panel subscribes to selection changes in an effect that
    // runs after its first paint; selecting earlier would go unnoticed.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const elementRegistry = this.modeler.get('elementRegistry');
    const reselect = selected.map((id: string) => elementRegistry.get(id)).filter(Boolean);
    if (reselect.length) this.modeler.get('selection').select(reselect);
    if (wasSimulating) this.modeler.get('toggleMode').toggleMode(true);
    this.fitDiagram();
    await this.checkDirty();
  }

  /** Fits the diagram in view, clear of the palette, the simulation toggle and the lint button. */
  private fitDiagram(): void {
    const canvas = this.modeler.get('canvas');
    canvas.zoom('fit-viewport', 'auto');
    const { inner, outer } = canvas.viewbox();
    if (!inner.width || !inner.height || !outer.width || !outer.height) return;
    const margin = { left: 110, top: 60, right: 24, bottom: 56 };
    const scale = Math.min((outer.width - margin.left - margin.right) / inner.width, (outer.height - margin.top - margin.bottom) / inner.height, 1);
    if (scale <= 0) return;
    canvas.viewbox({ x: inner.x - margin.left / scale, y: inner.y - margin.top / scale, width: outer.width / scale, height: outer.height / scale });
  }

  // -------------------------------------------------------------------------
  // documents

  /** Opens a diagram; files without diagram interchange are laid out first. */
  async openXml(xml: string, doc: DocSource, { quiet = false }: { quiet?: boolean } = {}): Promise<boolean> {
    const previous = this.savedXml !== null ? (await this.modeler.saveXML({ format: true })).xml as string : null;
    let laidOut = false;
    try {
      const prepared = await ensureLayout(xml, this.modeler.get('moddle'));
      laidOut = prepared.laidOut;
      const { warnings } = await this.modeler.importXML(prepared.xml);
      this.importWarnings = (warnings ?? []).map((w: Any) => String(w.message ?? w));
    } catch (err) {
      const warnings: Any[] = (err as Any)?.warnings ?? [];
      const detail = [(err as Error).message, ...warnings.map((w) => w.message)].filter(Boolean).join(' · ');
      this.status(t('status.openFailed', { detail }), 'error');
      if (previous) await this.modeler.importXML(previous).catch(() => undefined);
      return false;
    }
    this.doc = doc;
    this.serverWarnings = [];
    this.diffMarks = [];
    this.fitDiagram();
    this.savedXml = (await this.modeler.saveXML({ format: true })).xml;
    this.dirty = false;
    this.renderDoc();
    this.renderUndo();
    this.renderProblems();
    this.renderLibraryCurrent();
    if (!quiet) {
      const what = this.docLabel(doc);
      this.status([t('status.opened', { what }), laidOut ? t('status.laidOut') : ''].filter(Boolean).join(' '), 'ok');
    }
    return true;
  }

  private confirmDiscard(): boolean {
    return !this.dirty || window.confirm(t('confirm.discard'));
  }

  async newDiagram(): Promise<void> {
    if (!this.confirmDiscard()) return;
    await this.openXml(newDiagramXml(), { kind: 'new' });
  }

  async openVersion(code: string, version: number): Promise<void> {
    if (!this.confirmDiscard()) return;
    try {
      const xml = await this.api.bpmn(code, version);
      await this.openXml(xml, { kind: 'server', code, version });
    } catch (err) {
      this.handleApiError(err, 'status.openFailed');
    }
  }

  async openFile(file: File): Promise<void> {
    if (!this.confirmDiscard()) return;
    await this.openXml(await file.text(), { kind: 'file', fileName: file.name });
  }

  async download(): Promise<void> {
    const { xml } = await this.modeler.saveXML({ format: true });
    const process = processOf(this.modeler.get('canvas').getRootElement());
    const fileName = this.doc.kind === 'file' ? this.doc.fileName
      : fileNameFor(process?.procedureCode, this.doc.kind === 'server' ? this.doc.version : undefined, process?.name ?? '');
    downloadText(xml, fileName);
    this.savedXml = xml;
    this.dirty = false;
    this.renderDoc();
    this.status(t('status.downloaded', { file: fileName }), 'ok');
  }

  /** Saves the diagram as a draft on the server (a new one, or the open draft); a file that does not parse is saved too. */
  async saveDraft({ quiet = false } = {}): Promise<Awaited<ReturnType<OnestopApi['saveDraft']>> | null> {
    if (!this.signedIn) {
      this.status(t('status.needSignin'), 'error');
      this.showSignIn();
      return null;
    }
    const { xml } = await this.modeler.saveXML({ format: true });
    const doc = this.doc;
    try {
      const basedOn = doc.kind === 'server' ? doc.version : doc.kind === 'draft' ? doc.basedOnVersion ?? undefined : undefined;
      const draft = await this.api.saveDraft(xml, doc.kind === 'draft' ? doc.id : null, basedOn);
      this.doc = { kind: 'draft', id: draft.id, code: draft.procedureCode, basedOnVersion: draft.basedOnVersion };
      this.savedXml = xml;
      await this.checkDirty();
      history.replaceState(null, '', `${location.pathname}?ban-nhap=${encodeURIComponent(draft.id)}`);
      if (!quiet) this.status(t('status.draftSaved', { link: new URL(draft.link, location.origin).href }), 'ok');
      this.renderDoc();
      void this.loadDrafts();
      return draft;
    } catch (err) {
      this.handleApiError(err, 'status.draftFailed');
      return null;
    }
  }

  /**
   * Publishes the diagram: saved as a draft, checked by the server with the
   * deploy rules (its errors are shown on the elements and nothing is asked),
   * then confirmed in a dialog that shows the warnings and takes the effective time.
   */
  async deploy(): Promise<void> {
    if (this.deploying) return;
    this.deploying = true;
    this.renderToolbar();
    try {
      const draft = await this.saveDraft({ quiet: true });
      if (!draft) return;
      const errors = draft.problems.filter((p) => p.severity === 'error');
      if (errors.length) {
        this.serverWarnings = [];
        this.serverProblems.set(errors.map((e) => ({ elementId: e.elementId ?? null, message: this.serverMessage(e), rule: e.rule, severity: 'error' })));
        this.status(t('status.refused', { count: errors.length }), 'error');
        return;
      }
      this.serverProblems.clear();
      const answer = await askToPublish({
        what: this.docTitle(),
        warnings: draft.problems.filter((p) => p.severity === 'warning') as DialogProblem[],
        approvalRequired: draft.approvalRequired,
        now: new Date(),
        nameOf: (id) => this.elementName(id),
      });
      if (!answer) return;
      const { status, result } = await this.api.publishDraft(draft.id, answer.effectiveAt);
      this.serverWarnings = result.warnings ?? [];
      if (status === 202 || !result.version) {
        this.status(t('status.awaitingApproval', { code: draft.procedureCode ?? '' }), 'ok');
      } else {
        const v = result.version;
        this.doc = { kind: 'server', code: v.code, version: v.version };
        history.replaceState(null, '', location.pathname);
        this.expanded.add(v.code);
        const later = Date.parse(v.effectiveAt) > Date.now() + 60_000;
        this.status(later ? t('status.publishedLater', { code: v.code, version: v.version, date: formatDateTime(v.effectiveAt) })
          : t(v.created ? 'status.deployed' : 'status.identical', { code: v.code, version: v.version }), 'ok');
      }
      this.renderDoc();
      this.renderProblems();
      await this.loadLibrary();
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && err.problem?.errors?.length) {
        this.serverWarnings = [];
        const errors = err.problem.errors.map((e) => ({ elementId: e.elementId ?? null, message: this.serverMessage(e), rule: e.rule, severity: e.severity ?? 'error' }));
        this.serverProblems.set(errors);
        this.status(t('status.refused', { count: errors.filter((e) => e.severity !== 'warning').length }), 'error');
      } else {
        this.handleApiError(err, 'status.deployFailed');
      }
    } finally {
      this.deploying = false;
      this.renderToolbar();
    }
  }

  /** The name of an element, or of a process drawn as a pool (problems name processes by their id). */
  private elementName(id: string | null): string | undefined {
    if (!id) return undefined;
    const registry = this.modeler.get('elementRegistry');
    const element = registry.get(id);
    if (element) return element.businessObject?.name;
    const pool = registry.find((e: Any) => e.businessObject?.processRef?.id === id);
    if (pool) return pool.businessObject.processRef.name ?? pool.businessObject.name;
    const root = this.modeler.get('canvas').getRootElement();
    return root?.businessObject?.id === id ? root.businessObject.name : undefined;
  }

  async openDraft(id: string): Promise<void> {
    if (!this.confirmDiscard()) return;
    try {
      const [xml, draft] = await Promise.all([this.api.draftXml(id), this.api.draft(id)]);
      await this.openXml(xml, { kind: 'draft', id, code: draft.procedureCode, basedOnVersion: draft.basedOnVersion });
      history.replaceState(null, '', `${location.pathname}?ban-nhap=${encodeURIComponent(id)}`);
    } catch (err) {
      this.handleApiError(err, 'status.openFailed');
    }
  }

  async approve(id: string): Promise<void> {
    try {
      const result = await this.api.approveDraft(id);
      const v = result.version;
      if (v) {
        this.expanded.add(v.code);
        this.status(t('status.approved', { code: v.code, version: v.version, date: formatDateTime(v.effectiveAt) }), 'ok');
      }
      await this.loadLibrary();
    } catch (err) {
      // The two refusals a person can meet here, in their language.
      if (err instanceof ApiError && err.status === 403) this.status(t('status.approveOwnDraft'), 'error');
      else if (err instanceof ApiError && err.status === 409) this.status(t('status.approveNotAwaiting'), 'error');
      else this.handleApiError(err, 'status.approveFailed');
      await this.loadLibrary();
    }
  }

  /** The diff of a version with the one before it; "mark on the diagram" opens the newer one with its changes outlined. */
  async compare(code: string, from: number, to: number): Promise<void> {
    try {
      const diff = await this.api.versionDiff(code, from, to);
      showDiff(diff, async (ids) => {
        if (!(this.doc.kind === 'server' && this.doc.code === code && this.doc.version === to)) await this.openVersion(code, to);
        this.markChanged(ids);
      });
    } catch (err) {
      this.handleApiError(err, 'status.diffFailed');
    }
  }

  private diffMarks: string[] = [];

  /** The visual diff: the elements added or changed in the version, outlined. */
  private markChanged(ids: string[]): void {
    const canvas = this.modeler.get('canvas');
    const registry = this.modeler.get('elementRegistry');
    for (const id of this.diffMarks) if (registry.get(id)) canvas.removeMarker(id, 'onestop-diff-changed');
    this.diffMarks = ids.filter((id) => registry.get(id));
    for (const id of this.diffMarks) canvas.addMarker(id, 'onestop-diff-changed');
  }

  private handleApiError(err: unknown, key: DesignerKey): void {
    const detail = err instanceof Error ? err.message : String(err);
    this.status(t(key, { detail }), 'error');
    if (err instanceof ApiError && err.status === 401) {
      this.signOut();
      this.showSignIn();
    }
  }

  private scheduleDirtyCheck(): void {
    this.dirty = true;
    this.renderDoc();
    if (this.dirtyTimer) clearTimeout(this.dirtyTimer);
    this.dirtyTimer = setTimeout(() => void this.checkDirty(), 150);
  }

  /** Unsaved means: different from what was last opened, deployed or downloaded (so undoing back is clean again). */
  private async checkDirty(): Promise<void> {
    this.dirtyTimer = null;
    const { xml } = await this.modeler.saveXML({ format: true });
    this.dirty = xml !== this.savedXml;
    this.renderDoc();
  }

  isDirty(): boolean {
    return this.dirty;
  }

  // -------------------------------------------------------------------------
  // sign-in, departments, library

  async signIn(key: string, { quiet = false } = {}): Promise<boolean> {
    const error = $('#signin-error');
    if (!quiet) error.textContent = t('auth.checking');
    try {
      const departments = await this.api.departments(key);
      this.token = key;
      try {
        sessionStorage.setItem(TOKEN_KEY, key);
      } catch {
        // kept in memory only
      }
      this.departments.set(departments);
      error.textContent = '';
      this.onDepartmentsChanged();
      this.renderAuth();
      await this.loadLibrary();
      return true;
    } catch (err) {
      error.textContent = t('auth.refused', { detail: (err as Error).message });
      if (quiet) {
        this.token = null;
        try {
          sessionStorage.removeItem(TOKEN_KEY);
        } catch {
          // nothing kept
        }
      }
      return false;
    }
  }

  /** The personal session of this browser (its cookie), when there is one. */
  private async resumeSession(): Promise<boolean> {
    try {
      const me = await this.api.me();
      if (me.kind !== 'person') return false;
      if (me.csrfToken) storeCsrf(me.csrfToken);
      await this.becomePerson(me);
      return true;
    } catch {
      this.person = null;
      return false;
    }
  }

  /**
   * A person's own sign-in (username and password): the server sets the
   * session cookie, the CSRF token stays in this tab. The designer is the
   * analyst's: a person without that role, or who must first choose a
   * password (in the workspace), is told so and not signed in here.
   */
  async signInWithPassword(username: string, password: string): Promise<boolean> {
    const error = $('#signin-error');
    error.textContent = t('signin.checking');
    try {
      const session = await this.api.signInWithPassword(username, password);
      storeCsrf(session.csrfToken);
      const me = await this.api.me();
      const refusal = me.mustChangePassword ? t('signin.mustChange') : !(me.memberships ?? []).some((m) => m.role === 'analyst') ? t('signin.notAnalyst') : null;
      if (refusal) {
        await this.api.signOutSession().catch(() => undefined);
        storeCsrf(null);
        error.textContent = refusal;
        return false;
      }
      this.token = null;
      await this.becomePerson(me);
      error.textContent = '';
      return true;
    } catch (err) {
      error.textContent = t('signin.refused', { detail: (err as Error).message });
      return false;
    }
  }

  private async becomePerson(me: { name: string; fullName?: string | null }): Promise<void> {
    this.person = { name: me.name, fullName: me.fullName ?? null };
    this.departments.set(await this.api.departments());
    this.onDepartmentsChanged();
    this.renderAuth();
    await this.loadLibrary();
  }

  private get signedIn(): boolean {
    return this.token !== null || this.person !== null;
  }

  signOut(): void {
    if (this.person) void this.api.signOutSession().catch(() => undefined);
    this.person = null;
    storeCsrf(null);
    this.token = null;
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // nothing kept
    }
    this.departments.clear();
    this.onDepartmentsChanged();
    this.renderAuth();
    this.renderLibrary();
  }

  private onDepartmentsChanged(): void {
    this.modeler.get('linting').setLinterConfig(this.lintConfig());
    this.modeler.get('eventBus').fire('propertiesPanel.providersChanged');
  }

  private showSignIn(): void {
    const dialog = $<HTMLDialogElement>('#signin-dialog');
    if (!dialog.open) dialog.showModal();
    $<HTMLInputElement>('#signin-username').focus();
  }

  private procedures: { code: string; name: string; latestVersion: number }[] | null = null;
  private versions = new Map<string, { version: number; deployedAt: string; deployedBy: string | null; effectiveAt: string; approvedBy: string | null }[]>();

  async loadLibrary(): Promise<void> {
    if (!this.signedIn) return this.renderLibrary();
    $('#library-body').textContent = t('common.loading');
    try {
      [this.procedures, this.drafts] = await Promise.all([this.api.procedures(), this.api.drafts().then((d) => d.items)]);
      this.versions.clear();
      await Promise.all([...this.expanded].map((code) => this.loadVersions(code)));
    } catch (err) {
      this.procedures = null;
      this.handleApiError(err, 'status.libraryFailed');
    }
    this.renderLibrary();
  }

  private async loadVersions(code: string): Promise<void> {
    try {
      const detail = await this.api.procedure(code);
      this.versions.set(code, [...detail.versions].sort((a, b) => b.version - a.version));
    } catch (err) {
      this.handleApiError(err, 'status.libraryFailed');
    }
  }

  // -------------------------------------------------------------------------
  // rendering

  private applyStaticTexts(): void {
    document.querySelectorAll<HTMLElement>('[data-i18n]').forEach((node) => {
      node.textContent = t(node.dataset.i18n as DesignerKey);
    });
    document.title = `${t('app.title')} – ${t('app.subtitle')}`;
  }

  private renderAll(): void {
    this.applyStaticTexts();
    this.renderAuth();
    this.renderToolbar();
    this.renderDoc();
    this.renderUndo();
    this.renderLibrary();
    this.renderProblems();
  }

  private renderAuth(): void {
    const button = $('#btn-signin');
    button.textContent = t(this.signedIn ? 'auth.signOut' : 'auth.signIn');
    const who = $('#signed-in');
    who.hidden = !this.signedIn;
    who.textContent = this.person ? `${t('signin.signedIn')} ${this.person.fullName ?? this.person.name}`
      : this.token ? `${t('signin.signedIn')} ···${this.token.slice(-4)}` : '';
    this.renderToolbar();
  }

  private renderToolbar(): void {
    const deploy = $<HTMLButtonElement>('#btn-deploy');
    deploy.textContent = t(this.deploying ? 'toolbar.deploying' : 'toolbar.deploy');
    deploy.disabled = this.deploying;
    deploy.title = this.signedIn ? '' : t('status.needSignin');
    const saveDraft = $<HTMLButtonElement>('#btn-save-draft');
    saveDraft.textContent = t('toolbar.saveDraft');
    saveDraft.disabled = this.deploying;
    const simulate = $<HTMLButtonElement>('#btn-simulate');
    simulate.textContent = t(this.simulating ? 'toolbar.simulating' : 'toolbar.simulate');
    simulate.setAttribute('aria-pressed', String(this.simulating));
    for (const id of ['#btn-new', '#btn-upload', '#btn-undo', '#btn-redo']) $<HTMLButtonElement>(id).toggleAttribute('data-simulating', this.simulating);
  }

  private renderUndo(): void {
    if (!this.modeler) return;
    const stack = this.modeler.get('commandStack');
    $<HTMLButtonElement>('#btn-undo').disabled = !stack.canUndo();
    $<HTMLButtonElement>('#btn-redo').disabled = !stack.canRedo();
  }

  private renderDoc(): void {
    if (!this.modeler) return;
    const root = this.modeler.get('canvas').getRootElement();
    const process = root ? processOf(root) : null;
    const participant = root?.businessObject?.participants?.find((p: Any) => p.processRef === process);
    $('#doc-title').textContent = this.docTitle();
    $('#doc-source').textContent = `(${this.docLabel(this.doc)})`;
    const dirty = $('#doc-dirty');
    dirty.hidden = !this.dirty;
    dirty.textContent = `● ${t('doc.unsaved')}`;
    document.body.classList.toggle('od-dirty', this.dirty);
  }

  /** "2.002621 · Đăng ký khai sinh…" of the open diagram. */
  private docTitle(): string {
    const root = this.modeler?.get('canvas').getRootElement();
    const process = root ? processOf(root) : null;
    const participant = root?.businessObject?.participants?.find((p: Any) => p.processRef === process);
    const name = process?.name || participant?.name || t('doc.untitled');
    const code = process?.procedureCode;
    return code ? `${code} · ${name}` : name;
  }

  private docLabel(doc: DocSource): string {
    if (doc.kind === 'server') return t('doc.fromServer', { code: doc.code, version: doc.version });
    if (doc.kind === 'file') return t('doc.fromFile', { file: doc.fileName });
    if (doc.kind === 'draft') return t('doc.draft', { code: doc.code ? ` ${doc.code}` : '' });
    return t('doc.new');
  }

  private drafts: Awaited<ReturnType<OnestopApi['drafts']>>['items'] = [];

  async loadDrafts(): Promise<void> {
    if (!this.signedIn) return;
    try {
      this.drafts = (await this.api.drafts()).items;
    } catch (err) {
      this.drafts = [];
      this.handleApiError(err, 'status.libraryFailed');
    }
    this.renderLibrary();
  }

  /** Drafts and those awaiting approval, above the published procedures; another analyst approves from here. */
  private renderDrafts(body: HTMLElement): void {
    body.append(el('h3', { class: 'od-library-section' }, t('library.drafts')));
    if (!this.drafts.length) {
      body.append(el('p', { class: 'od-muted' }, t('library.noDrafts')));
      return;
    }
    const list = el('ul', { class: 'od-drafts' });
    for (const d of this.drafts) {
      const awaiting = d.status === 'awaiting_approval';
      const title = d.procedureCode ? `${d.procedureCode} · ${d.name ?? ''}` : t('library.untitledDraft');
      const open = el('button', { type: 'button', class: 'od-draft-open', 'data-draft-id': d.id },
        el('span', {}, title),
        el('small', {}, awaiting ? t('library.awaiting', { by: d.publishRequestedBy ?? '' }) : t('library.draftMeta', { date: formatDateTime(d.updatedAt), by: d.updatedBy })));
      open.addEventListener('click', () => void this.openDraft(d.id));
      const item = el('li', { class: `od-draft${awaiting ? ' awaiting' : ''}`, 'data-draft-id': d.id, 'data-status': d.status }, open);
      if (awaiting) {
        const approve = el('button', { type: 'button', class: 'od-small od-approve', 'data-draft-id': d.id }, t('library.approve'));
        approve.addEventListener('click', () => void this.approve(d.id));
        item.append(approve);
      }
      list.append(item);
    }
    body.append(list);
  }

  private renderLibrary(): void {
    const body = $('#library-body');
    body.replaceChildren();
    if (!this.signedIn) {
      body.append(el('p', { class: 'od-muted' }, t('library.signinFirst')));
      return;
    }
    if (!this.procedures) return;
    this.renderDrafts(body);
    body.append(el('h3', { class: 'od-library-section' }, t('library.title')));
    if (!this.procedures.length) {
      body.append(el('p', { class: 'od-muted' }, t('library.empty')));
      return;
    }
    const list = el('ul', { class: 'od-procedures' });
    for (const p of this.procedures) {
      const open = this.expanded.has(p.code);
      const item = el('li', { class: `od-procedure${open ? ' open' : ''}`, 'data-code': p.code });
      const toggle = el('button', { type: 'button', class: 'od-procedure-name', 'aria-expanded': String(open) },
        el('span', { class: 'od-procedure-title' }, p.name),
        el('span', { class: 'od-procedure-meta' }, `${p.code} · v${p.latestVersion}`));
      toggle.addEventListener('click', async () => {
        if (this.expanded.has(p.code)) {
          this.expanded.delete(p.code);
        } else {
          this.expanded.add(p.code);
          if (!this.versions.has(p.code)) await this.loadVersions(p.code);
        }
        this.renderLibrary();
      });
      item.append(toggle);
      if (open) {
        const versions = el('ul', { class: 'od-versions' });
        for (const v of this.versions.get(p.code) ?? []) {
          const label = `${t('library.version', { version: v.version })}${v.version === p.latestVersion ? ` (${t('library.latest')})` : ''}`;
          const button = el('button', { type: 'button', class: 'od-version', 'data-code': p.code, 'data-version': String(v.version) },
            el('span', {}, label),
            el('small', { class: 'od-version-meta' }, t('library.published', { date: formatDateTime(v.deployedAt), by: v.deployedBy ?? '' })),
            el('small', { class: 'od-version-meta od-version-effective' }, t('library.effective', { date: formatDateTime(v.effectiveAt) })),
            ...(v.approvedBy ? [el('small', { class: 'od-version-meta od-version-approver' }, t('library.approvedBy', { by: v.approvedBy }))] : []));
          button.addEventListener('click', () => void this.openVersion(p.code, v.version));
          const row = el('li', { class: 'od-version-row' }, button);
          if (v.version > 1) {
            const compare = el('button', { type: 'button', class: 'od-small od-compare', 'data-code': p.code, 'data-version': String(v.version), title: t('library.compare', { version: v.version - 1 }) },
              `↔ v${v.version - 1}`);
            compare.addEventListener('click', () => void this.compare(p.code, v.version - 1, v.version));
            row.append(compare);
          }
          versions.append(row);
        }
        item.append(versions);
      }
      list.append(item);
    }
    body.append(list);
    this.renderLibraryCurrent();
  }

  private renderLibraryCurrent(): void {
    document.querySelectorAll<HTMLElement>('.od-version').forEach((b) => {
      const current = this.doc.kind === 'server' && b.dataset.code === this.doc.code && Number(b.dataset.version) === this.doc.version;
      b.classList.toggle('current', current);
      if (current) b.setAttribute('aria-current', 'true');
      else b.removeAttribute('aria-current');
    });
  }

  /** A deploy problem in the page's language: the server sends the rule (and its parameters), the catalogue words it. */
  private serverMessage(p: { elementId?: string | null; message: string; rule?: string; params?: Record<string, string | number> }): string {
    if (!p.rule) return p.message;
    const name = p.elementId ? this.modeler?.get('elementRegistry').get(p.elementId)?.businessObject?.name : undefined;
    return lintMessage({ ...p, rule: p.rule }, currentLang(), p.elementId ? elementLabel(name, p.elementId) : undefined);
  }

  private problems(): ListedProblem[] {
    const server: ListedProblem[] = this.modeler ? this.serverProblems.list().map((p) => ({
      source: 'server', severity: p.severity === 'warning' ? 'warning' : 'error', elementId: p.elementId ?? null, shownOn: p.shownOn, message: p.message, rule: p.rule,
    })) : [];
    const serverWarnings: ListedProblem[] = this.serverWarnings.map((p) => ({
      source: 'server', severity: 'warning', elementId: p.elementId ?? null, shownOn: p.elementId ?? null, message: this.serverMessage(p), rule: p.rule,
    }));
    const lint: ListedProblem[] = this.lintItems.map((p) => ({ source: 'lint', severity: p.severity, elementId: p.elementId, shownOn: p.shownOn, message: p.message, rule: p.rule }));
    const imported: ListedProblem[] = this.importWarnings.map((message) => ({ source: 'import', severity: 'warning', elementId: null, shownOn: null, message }));
    const rank = { error: 0, warning: 1, info: 2 };
    // The server runs the same rules: a warning of the last publication that the live lint still reports is listed once.
    const key = (p: ListedProblem) => `${p.elementId ?? ''}|${(p.rule ?? '').replace(/^onestop\//, '')}`;
    const live = new Set(lint.map(key));
    const publishedWarnings = serverWarnings.filter((p) => !p.rule || !live.has(key(p)));
    return [...server, ...publishedWarnings, ...imported, ...lint.sort((a, b) => rank[a.severity] - rank[b.severity])];
  }

  /** What the problem list counts, for the lint button too. */
  private problemCounts(): { errors: number; warnings: number; infos: number } {
    const all = this.problems();
    return {
      errors: all.filter((p) => p.severity === 'error').length,
      warnings: all.filter((p) => p.severity === 'warning').length,
      infos: all.filter((p) => p.severity === 'info').length,
    };
  }

  private renderProblems(): void {
    const list = $('#problem-list');
    list.replaceChildren();
    const all = this.problems();
    const { errors, warnings } = this.problemCounts();
    this.modeler?.get('linting')._updateButton();
    $('#problem-counts').textContent = all.length ? `${t('problems.errors', { count: errors })} · ${t('problems.warnings', { count: warnings })}` : '';
    if (!all.length) {
      list.append(el('li', { class: 'od-problem-none' }, t('problems.none')));
      return;
    }
    const registry = this.modeler?.get('elementRegistry');
    for (const p of all) {
      const element = p.elementId ? registry?.get(p.elementId) ?? registry?.get(p.shownOn ?? '') : null;
      // In Vietnamese by its name (or kind), as the lint's sentence names it, the id staying in data-element-id.
      const name = element?.businessObject?.name;
      const where = !p.elementId ? t('problems.file')
        : currentLang() === 'vi' ? personLabel(element?.businessObject, bpmnTranslate) ?? p.elementId
          : name ? `${name} (${p.elementId})` : p.elementId;
      const item = el('li', {
        class: `od-problem od-${p.severity}`,
        'data-source': p.source,
        'data-severity': p.severity,
        ...(p.elementId ? { 'data-element-id': p.elementId } : {}),
        ...(p.rule ? { 'data-rule': p.rule } : {}),
        tabindex: '0',
      },
      el('span', { class: 'od-problem-source' }, t(`problems.source.${p.source}` as DesignerKey)),
      el('span', { class: 'od-problem-where' }, where),
      el('span', { class: 'od-problem-message' }, p.message));
      const target = p.shownOn ?? p.elementId;
      if (target) {
        const reveal = () => this.reveal(target);
        item.addEventListener('click', reveal);
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter') reveal();
        });
      }
      list.append(item);
    }
  }

  /** Selects an element and scrolls it into view. */
  reveal(elementId: string): void {
    const element = this.modeler.get('elementRegistry').get(elementId);
    if (!element) return;
    const canvas = this.modeler.get('canvas');
    if (element !== canvas.getRootElement()) {
      try {
        canvas.scrollToElement(element);
      } catch {
        // connections and labels may not scroll; selecting is enough
      }
    }
    this.modeler.get('selection').select(element);
  }

  private status(message: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
    const node = $('#status');
    node.textContent = message;
    node.dataset.kind = kind;
  }

  // -------------------------------------------------------------------------
  // shell events

  private bindShell(): void {
    $('#btn-new').addEventListener('click', () => void this.newDiagram());
    const fileInput = $<HTMLInputElement>('#file-input');
    $('#btn-upload').addEventListener('click', () => fileInput.click());
    fileInput.addEventListener('change', async () => {
      const file = fileInput.files?.[0];
      fileInput.value = '';
      if (file) await this.openFile(file);
    });
    $('#btn-download').addEventListener('click', () => void this.download());
    $('#btn-undo').addEventListener('click', () => this.modeler.get('commandStack').undo());
    $('#btn-redo').addEventListener('click', () => this.modeler.get('commandStack').redo());
    $('#btn-simulate').addEventListener('click', () => this.modeler.get('toggleMode').toggleMode());
    $('#btn-deploy').addEventListener('click', () => void this.deploy());
    $('#btn-save-draft').addEventListener('click', () => void this.saveDraft());
    $('#btn-refresh').addEventListener('click', () => void this.loadLibrary());
    $('#btn-lang').addEventListener('click', async () => {
      setLang(currentLang() === 'vi' ? 'en' : 'vi');
      this.status('');
      await this.recreateModeler();
      this.renderAll();
    });
    $('#btn-signin').addEventListener('click', () => {
      if (this.signedIn) this.signOut();
      else this.showSignIn();
    });

    const dialog = $<HTMLDialogElement>('#signin-dialog');
    $('#signin-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const username = $<HTMLInputElement>('#signin-username');
      const password = $<HTMLInputElement>('#signin-password');
      const key = $<HTMLInputElement>('#signin-key');
      // A person signs in with a username and password; a system's key (its software, scripts) stays possible.
      const done = username.value.trim() && password.value ? await this.signInWithPassword(username.value.trim(), password.value)
        : key.value.trim() ? await this.signIn(key.value.trim()) : false;
      if (!done) return;
      password.value = '';
      key.value = '';
      dialog.close();
    });
    $('#signin-cancel').addEventListener('click', () => dialog.close());

    window.addEventListener('beforeunload', (event) => {
      if (!this.dirty) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    });
  }

  // -------------------------------------------------------------------------
  // for scripts and tests

  /** True once the diagram opened last has been linted. */
  lintCaughtUp(): boolean {
    return this.importSeq > 0 && this.lintedSeq === this.importSeq;
  }
}
