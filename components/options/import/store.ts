import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ColumnChoice, ImportSettings, RunProgress, RunSummary, Preview, AnyField, ColumnReading, DateOrder, ImportKind, PresetId } from '@/lib/import';
import type { ImportedSource } from '@/lib/messaging';
import { isValidSource, sourceForFile, type ImportApi } from './api';
import type { ImportEngine } from './engine';
import { ImportCancelled } from './worker-protocol';

export type Phase = 'idle' | 'previewing' | 'ready' | 'importing' | 'done' | 'stopped' | 'failed';

/** What KPI Lens cannot always tell from a file; `auto` and an empty currency: from the file and its export format. */
export type Choices = {
  preset: PresetId | 'none' | 'auto';
  kind: ImportKind | 'auto';
  dateOrder: DateOrder | 'auto';
  /** The decimal mark of amount columns whose values leave it open. */
  decimalMark: '.' | ',' | 'auto';
  currency: string;
};

export type ImporterState = {
  phase: Phase;
  file?: Blob & { name: string };
  source: string;
  choices: Choices;
  /** The rep's reading for single columns (by index), from the preview's format controls. */
  formats: Record<number, ColumnReading>;
  preview?: Preview;
  progress?: RunProgress;
  summary?: RunSummary;
  /** Records the background's own check refused (quarantined), and why. */
  storeRejected: number;
  storeReasons: string[];
  error?: string;
  imported: ImportedSource[];
};

export type ImporterActions = {
  /** Loads the defaults and the imported sources; returns the cleanup (stops a run, ends the worker). */
  init(): () => void;
  chooseFile(file: Blob & { name: string }): void;
  setSource(source: string): void;
  /** Format and kind start the mapping over; the others keep the rep's columns. */
  setChoice<K extends keyof Choices>(key: K, value: Choices[K]): void;
  setColumn(field: AnyField, index: number | undefined): void;
  /** Reads one column one way (undefined: as its values and the choices above decide). */
  setFormat(column: number, reading: ColumnReading | undefined): void;
  start(): Promise<void>;
  stop(): void;
  downloadRejects(): Promise<void>;
  remove(source: string): Promise<void>;
};

export type ImporterStore = StoreApi<ImporterState & ImporterActions>;

/** Preview done, no question left open: the import may start. */
export function canStart(state: ImporterState): boolean {
  const { preview } = state;
  return (
    state.phase === 'ready' &&
    preview !== undefined &&
    preview.error === undefined &&
    !preview.formats.some((format) => format.problem) &&
    isValidSource(state.source)
  );
}

/**
 * The import screen's state: the file, the rep's choices, the preview
 * (recomputed in the engine whenever a choice, the mapping or a column's
 * format changes), then the run, whose batches go to the background one by
 * one. Everything the screen asks of the background goes through `api`.
 */
export function createImportStore(api: ImportApi, makeEngine: () => ImportEngine): ImporterStore {
  let engine: ImportEngine | null = null;
  let abort: AbortController | null = null;
  let previewSeq = 0;
  let timeZone = 'UTC';
  const engineOf = () => (engine ??= makeEngine());

  return createStore<ImporterState & ImporterActions>()((set, get) => {
    const refreshList = () =>
      void api.list().then(
        (imported) => set({ imported }),
        () => {},
      );

    const settingsOf = (state: ImporterState, columns: ColumnChoice | undefined): ImportSettings => {
      const { choices, preview } = state;
      const base: ImportSettings = {
        source: isValidSource(state.source) ? state.source : 'csv:preview',
        timeZone,
        currency: choices.currency || undefined,
        dateOrder: choices.dateOrder === 'auto' ? undefined : choices.dateOrder,
        numberLocale: choices.decimalMark === 'auto' ? undefined : choices.decimalMark === '.' ? 'en' : 'de',
        formats: state.formats,
        // The whole file was scanned for the first preview; later ones reuse what it found.
        ...(preview ? { profiles: preview.profiles, headers: preview.headers } : {}),
        importedAt: api.now(),
      };
      if (!columns || !preview)
        return { ...base, kind: choices.kind === 'auto' ? undefined : choices.kind, preset: choices.preset === 'auto' ? undefined : choices.preset };
      return { ...base, kind: preview.kind, preset: preview.preset ?? 'none', presetDetected: choices.preset === 'auto', columns, headers: preview.headers };
    };

    const runPreview = (next: ImporterState, columns?: ColumnChoice) => {
      if (!next.file) return;
      const seq = (previewSeq += 1);
      set({ ...next, phase: 'previewing', error: undefined });
      engineOf()
        .preview(next.file, settingsOf(next, columns))
        .then(
          (preview) => seq === previewSeq && set({ preview, phase: 'ready' }),
          (error: unknown) => seq === previewSeq && set({ phase: 'failed', error: String(error instanceof Error ? error.message : error) }),
        );
    };

    return {
      phase: 'idle',
      source: '',
      choices: { preset: 'auto', kind: 'auto', dateOrder: 'auto', decimalMark: 'auto', currency: '' },
      formats: {},
      storeRejected: 0,
      storeReasons: [],
      imported: [],

      init() {
        void api.defaults().then(
          (defaults) => (timeZone = defaults.timeZone),
          () => {},
        );
        refreshList();
        return () => {
          abort?.abort();
          engine?.dispose();
          engine = null;
        };
      },
      chooseFile(file) {
        const state = get();
        runPreview({
          ...state,
          file,
          source: sourceForFile(file.name),
          formats: {},
          preview: undefined,
          summary: undefined,
          progress: undefined,
          storeRejected: 0,
          storeReasons: [],
        });
      },
      setSource: (source) => set({ source }),
      setChoice(key, value) {
        const state = get();
        const next = { ...state, choices: { ...state.choices, [key]: value } };
        if (key === 'preset' || key === 'kind') runPreview(next);
        else runPreview(next, state.preview?.columns);
      },
      setColumn(field, index) {
        const state = get();
        if (!state.preview) return;
        const columns: ColumnChoice = {};
        for (const [other, at] of Object.entries(state.preview.columns) as [AnyField, number | undefined][])
          if (at !== undefined && at !== index && other !== field) columns[other] = at;
        if (index !== undefined) columns[field] = index;
        runPreview(state, columns);
      },
      setFormat(column, reading) {
        const state = get();
        const formats = { ...state.formats };
        if (reading === undefined) delete formats[column];
        else formats[column] = reading;
        runPreview({ ...state, formats }, state.preview?.columns);
      },
      async start() {
        const state = get();
        const { file, preview, source } = state;
        if (!file || !preview || !canStart(state)) return;
        const controller = new AbortController();
        abort = controller;
        let stored = { rejected: 0, reasons: [] as string[] };
        let last: RunProgress | undefined;
        set({ phase: 'importing', progress: undefined, summary: undefined, storeRejected: 0, storeReasons: [], error: undefined });
        const settings = { ...settingsOf(state, preview.columns), source };
        const finish = (rows: number, imported: number, rejected: number) =>
          api
            .finish(source, { fileName: file.name.slice(0, 300), kind: preview.kind, preset: preview.preset, rows, imported, rejected })
            .catch(() => undefined);
        try {
          const summary = await engineOf().run(
            file,
            settings,
            preview.delimiter,
            {
              onProgress: (progress) => {
                last = progress;
                set({ progress });
              },
              onBatch: async (batch) => {
                const written = await api.records(source, batch);
                stored = { rejected: stored.rejected + written.rejected, reasons: [...new Set([...stored.reasons, ...written.reasons])].slice(0, 5) };
                set({ storeRejected: stored.rejected, storeReasons: stored.reasons });
              },
            },
            controller.signal,
          );
          await finish(summary.rows, summary.imported, summary.rejectCount);
          set({ phase: 'done', summary });
        } catch (error) {
          await finish(last?.rows ?? 0, last?.imported ?? 0, last?.rejected ?? 0);
          if (error instanceof ImportCancelled) set({ phase: 'stopped' });
          else set({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
        } finally {
          abort = null;
          refreshList();
        }
      },
      stop: () => abort?.abort(),
      async downloadRejects() {
        const { file, summary } = get();
        if (!file || !summary) return;
        const text = await engineOf().rejectedCsv(file, summary.rejects, summary.delimiter);
        api.download(`${file.name.replace(/\.[^.]*$/, '')}-not-imported.csv`, new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
      },
      async remove(source) {
        await api.remove(source);
        refreshList();
      },
    };
  });
}
