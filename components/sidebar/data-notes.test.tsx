import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DataNotes } from './DataNotes';
import { AtRiskCard } from './InsightCards';
import { renderPart } from './test-support';

const DEC_31_2017 = Date.UTC(2017, 11, 31);

describe('what the sidebar says about a file', () => {
  it('says where a historical file ends and that it has no activities, in both languages', () => {
    const { unmount } = renderPart(<DataNotes dataEndsAt={DEC_31_2017} noActivityData />);
    expect(screen.getByText("This file's data ends on Dec 31, 2017: the numbers are as of that day.")).toBeTruthy();
    expect(screen.getByText(/This file has no activities/)).toBeTruthy();
    unmount();
    renderPart(<DataNotes dataEndsAt={DEC_31_2017} />, { locale: 'ru' });
    expect(screen.getByText('Данные этого файла заканчиваются 31 дек. 2017 г.: показатели — на этот день.')).toBeTruthy();
    expect(screen.queryByText(/активностей/)).toBeNull();
  });

  it('says nothing for a live source', () => {
    const { container } = renderPart(<DataNotes />);
    expect(container.textContent).toBe('');
  });

  it('does not call deals idle when activity is unknown, and lists the overdue ones', () => {
    const { unmount } = renderPart(
      <AtRiskCard currency="USD" atRisk={{ status: 'ok', total: 0, deals: [], staleDays: 14, amount: 0, activityUnknown: true }} />,
    );
    expect(screen.getByText(/cannot tell which deals are idle/)).toBeTruthy();
    expect(screen.getByText('No open deal is past its expected close date.')).toBeTruthy();
    expect(screen.queryByText(/no activity for/)).toBeNull();
    unmount();
    renderPart(
      <AtRiskCard
        currency="USD"
        atRisk={{
          status: 'ok',
          total: 1,
          deals: [{ id: 'd7', title: 'Deal d7', reason: '', daysPastClose: 17, amount: 400_000 }],
          staleDays: 14,
          amount: 400_000,
          activityUnknown: true,
        }}
      />,
    );
    expect(screen.getByText('$4,000 · expected to close 17 days ago')).toBeTruthy();
  });
});
