import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnyField, DateOrder, ImportKind, PresetId } from '../../../lib/import/types';
import type { ImportedSource } from '../../../lib/messaging/requests/import';
import { isValidSource, sourceForFile, type ImportApi } from './api';
import type { ImportEngine } from './engine';
import type { ImportSettings, Preview, RunProgress, RunSummary } from './engine-core';
import type { ColumnChoice } from './header-rewrite';
import { ImportCancelled } from './worker-protocol';

export type Phase = 'idle' | 'previewing' | 'ready' | 'importing' | 'done' | 'stopped' | 'failed';

export type Choices = {
  preset: PresetId | 'none' | 'auto';
  kind: ImportKind | 'auto';
  dateOrder: DateOrder | 'auto';
  currency: string;
};

export type ImporterState = {
  phase: Phase;
  file?: Blob & { name: string };
  source: string;
  choices: Choices;
  preview?: Preview;
  progress?: RunProgress;
  summary?: RunSummary;
  /** Records the background's own check refused (quarantined), and why. */
  storeRejected: number;
  storeReasons: string[];
  error?: string;
  imported: ImportedSource[];
};

/**
 * The import's state: the file, the rep's choices, the preview (recomputed in
 * the engine whenever a choice or the mapping changes), then the run, whose
 * batches this hook hands to the background one by one.
 */
export function useImporter(api: ImportApi, makeEngine: () => ImportEngine) {
  const engine = useRef<ImportEngine | null>(null);
  const abort = useRef<AbortController | null>(null);
  const previewSeq = useRef(0);
  const timeZone = useRef('UTC');
  const [state, setState] = useState<ImporterState>({
    phase: 'idle',
    source: '',
    choices: { preset: 'auto', kind: 'auto', dateOrder: 'auto', currency: 'USD' },
    storeRejected: 0,
    storeReasons: [],
    imported: [],
  });
  const patch = useCallback((next: Partial<ImporterState>) => setState((current) => ({ ...current, ...next })), []);
  const engineOf = () => (engine.current ??= makeEngine());

  const refreshList = useCallback(() => {
    void api.list().then((imported) => patch({ imported }), () => {});
  }, [api, patch]);

  useEffect(() => {
    void api.defaults().then(({ timeZone: zone, currency }) => {
      timeZone.current = zone;
      setState((current) => ({ ...current, choices: { ...current.choices, currency } }));
    });
    refreshList();
    return () => {
      abort.current?.abort();
      engine.current?.dispose();
      engine.current = null;
    };
  }, [api, refreshList]);

  const settingsOf = (current: ImporterState, columns: ColumnChoice | undefined): ImportSettings => {
    const { choices, preview } = current;
    const base: ImportSettings = {
      source: isValidSource(current.source) ? current.source : 'csv:preview',
      timeZone: timeZone.current,
      currency: choices.currency,
      dateOrder: choices.dateOrder === 'auto' ? undefined : choices.dateOrder,
      importedAt: api.now(),
    };
    if (!columns || !preview) return { ...base, kind: choices.kind === 'auto' ? undefined : choices.kind, preset: choices.preset === 'auto' ? undefined : choices.preset };
    return { ...base, kind: preview.kind, preset: preview.preset ?? 'none', columns, headers: preview.headers };
  };

  const runPreview = (current: ImporterState, columns?: ColumnChoice) => {
    if (!current.file) return;
    const seq = (previewSeq.current += 1);
    setState({ ...current, phase: 'previewing', error: undefined });
    engineOf()
      .preview(current.file, settingsOf(current, columns))
      .then(
        (preview) => seq === previewSeq.current && patch({ preview, phase: 'ready' }),
        (error: unknown) => seq === previewSeq.current && patch({ phase: 'failed', error: String(error instanceof Error ? error.message : error) }),
      );
  };

  return {
    state,
    chooseFile(file: Blob & { name: string }) {
      runPreview({ ...state, file, source: sourceForFile(file.name), preview: undefined, summary: undefined, progress: undefined, storeRejected: 0, storeReasons: [] });
    },
    setSource: (source: string) => patch({ source }),
    /** Format and kind start the mapping over; currency and date order keep the rep's columns. */
    setChoice<K extends keyof Choices>(key: K, value: Choices[K]) {
      const next = { ...state, choices: { ...state.choices, [key]: value } };
      if (key === 'preset' || key === 'kind') runPreview(next);
      else runPreview(next, state.preview?.columns);
    },
    setColumn(field: AnyField, index: number | undefined) {
      if (!state.preview) return;
      const columns: ColumnChoice = {};
      for (const [other, at] of Object.entries(state.preview.columns) as [AnyField, number | undefined][]) if (at !== undefined && at !== index && other !== field) columns[other] = at;
      if (index !== undefined) columns[field] = index;
      runPreview(state, columns);
    },
    async start() {
      const { file, preview, source } = state;
      if (!file || !preview || preview.error || !isValidSource(source)) return;
      const controller = new AbortController();
      abort.current = controller;
      let stored = { rejected: 0, reasons: [] as string[] };
      let last: RunProgress | undefined;
      patch({ phase: 'importing', progress: undefined, summary: undefined, storeRejected: 0, storeReasons: [], error: undefined });
      const settings = { ...settingsOf(state, preview.columns), source };
      const finish = (rows: number, imported: number, rejected: number) =>
        api.finish(source, { fileName: file.name.slice(0, 300), kind: preview.kind, preset: preview.preset, rows, imported, rejected }).catch(() => undefined);
      try {
        const summary = await engineOf().run(
          file,
          settings,
          preview.delimiter,
          {
            onProgress: (progress) => {
              last = progress;
              patch({ progress });
            },
            onBatch: async (batch) => {
              const written = await api.records(source, batch);
              stored = { rejected: stored.rejected + written.rejected, reasons: [...new Set([...stored.reasons, ...written.reasons])].slice(0, 5) };
              patch({ storeRejected: stored.rejected, storeReasons: stored.reasons });
            },
          },
          controller.signal,
        );
        await finish(summary.rows, summary.imported, summary.rejectCount);
        patch({ phase: 'done', summary });
      } catch (error) {
        await finish(last?.rows ?? 0, last?.imported ?? 0, last?.rejected ?? 0);
        if (error instanceof ImportCancelled) patch({ phase: 'stopped' });
        else patch({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
      } finally {
        abort.current = null;
        refreshList();
      }
    },
    stop: () => abort.current?.abort(),
    async downloadRejects() {
      const { file, summary } = state;
      if (!file || !summary) return;
      const text = await engineOf().rejectedCsv(file, summary.rejects, summary.delimiter);
      api.download(`${file.name.replace(/\.[^.]*$/, '')}-not-imported.csv`, new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
    },
    async remove(source: string) {
      await api.remove(source);
      refreshList();
    },
  };
}

export type Importer = ReturnType<typeof useImporter>;
