import { FIELDS_BY_KIND, IMPORT_KINDS, type AnyField, type DateOrder, type ImportKind } from '@/lib/import';
import type { MessageKey, Translate } from '@/lib/i18n';
import { assignField, suggestMapping, type ColumnMapping } from '@/lib/table-reader';
import { button, el } from './dom';
import type { Overlay } from './overlay';

export type Confirmed = { mapping: ColumnMapping; dateOrder: DateOrder };
export type ConfirmInput = { headers: string[]; examples: string[]; rows: number | string; source: string; initial: Confirmed; remembered: boolean };

/**
 * The rep says which column is what, as in the CSV import: the kind of
 * records, a field per column (lib/import's guess filled in, or what the rep
 * chose on this site before), how slash dates read. Resolves with the
 * mapping, `another` to pick another table, or null to cancel.
 */
export function confirmMapping(overlay: Overlay, t: Translate, input: ConfirmInput): Promise<Confirmed | 'another' | null> {
  return new Promise((resolve) => {
    let mapping = input.initial.mapping;
    let dateOrder = input.initial.dateOrder;
    const problem = el('p', { class: 'problem', role: 'alert' });
    problem.hidden = true;
    const body = el('tbody');
    let selects: HTMLSelectElement[] = [];

    // Rows are rebuilt only when the kind (so the list of fields) changes; a field moving between columns keeps focus.
    const renderRows = () => {
      const options: [string, string][] = [
        ['', t('import.notImported')],
        ...FIELDS_BY_KIND[mapping.kind].map((field): [string, string] => [field, t(`field.${field}` as MessageKey)]),
      ];
      selects = input.headers.map((header, i) => {
        const fieldSelect = select(options, mapping.fields[i] ?? '', (value) => {
          mapping = assignField(mapping, i, value === '' ? null : (value as AnyField));
          selects.forEach((other, j) => (other.value = mapping.fields[j] ?? ''));
        });
        fieldSelect.setAttribute('aria-label', `${t('import.field')}: ${header}`);
        return fieldSelect;
      });
      body.replaceChildren(
        ...input.headers.map((header, i) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, header),
            el('td', { class: 'example', title: input.examples[i] ?? '' }, input.examples[i] ?? ''),
            el('td', {}, selects[i]!),
          ),
        ),
      );
    };
    const kindSelect = select(
      IMPORT_KINDS.map((kind): [string, string] => [kind, t(`import.kind.${kind}` as MessageKey)]),
      mapping.kind,
      (value) => {
        mapping = suggestMapping(input.headers, value as ImportKind);
        renderRows();
      },
    );
    const orderSelect = select(
      [
        ['mdy', t('import.dateOrder.mdy')],
        ['dmy', t('import.dateOrder.dmy')],
      ],
      dateOrder,
      (value) => (dateOrder = value === 'dmy' ? 'dmy' : 'mdy'),
    );
    renderRows();

    const read = button(t('table.read'), 'primary', () => {
      if (mapping.fields.every((field) => field === null)) {
        problem.textContent = t('table.noColumns');
        problem.hidden = false;
        return;
      }
      resolve({ mapping, dateOrder });
    });
    overlay.show(
      overlay.title(t('table.confirmTitle')),
      el('p', {}, t('table.candidate', { count: input.rows })),
      el('p', { class: 'note' }, t('table.sourceNote', { source: input.source })),
      input.remembered ? el('p', { class: 'note' }, t('table.remembered')) : '',
      labelled(t('import.kind'), kindSelect),
      labelled(t('import.dateOrder'), orderSelect),
      el(
        'table',
        {},
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            el('th', { scope: 'col' }, t('import.column')),
            el('th', { scope: 'col' }, t('import.example')),
            el('th', { scope: 'col' }, t('import.field')),
          ),
        ),
        body,
      ),
      problem,
      el(
        'div',
        { class: 'actions' },
        read,
        button(t('table.another'), '', () => resolve('another')),
        button(t('table.close'), '', () => resolve(null)),
      ),
    );
    read.focus();
  });
}

let nextId = 0;

function labelled(text: string, control: HTMLElement): HTMLElement {
  nextId += 1;
  control.id = `kpi-lens-control-${nextId}`;
  return el('div', { class: 'row' }, el('label', { for: control.id }, text), control);
}

function select(options: [string, string][], value: string, onChange: (value: string) => void): HTMLSelectElement {
  const element = el('select');
  for (const [optionValue, label] of options) element.append(el('option', { value: optionValue }, label));
  element.value = value;
  element.addEventListener('change', (event) => {
    if (event.isTrusted) onChange(element.value);
  });
  return element;
}
