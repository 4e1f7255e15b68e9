import { describe, expect, it } from 'vitest';
import { isTeamLead, PeersHiddenError, scopeFor } from './scope';
import { fixtureData, settingsFor } from './test-fixture';

const data = fixtureData();

describe('whose numbers a view shows (privacy applied in the background)', () => {
  it.each([
    // viewer, view, showPeerNumbers → owner ids in scope, peersHidden, canSeePeers
    ['ann', 'personal', false, ['ann'], false, false],
    ['ann', 'team', false, ['ann'], true, false], // a rep without permission: own numbers only
    ['ann', 'team', true, ['ann', 'bob', 'lea'], false, true], // the lead shared peers' numbers
    ['lea', 'team', false, ['ann', 'bob', 'lea'], false, true], // the lead sees the team
    ['lea', 'personal', false, ['lea'], false, true],
  ] as const)('%s in the %s view (shared: %s)', (viewer, view, shared, ids, hidden, canSee) => {
    const choice = scopeFor(data, settingsFor(viewer, { showPeerNumbers: shared }), 'crm', view);
    expect(choice.scope.ownerIds).toEqual(ids);
    expect(choice.peersHidden).toBe(hidden);
    expect(choice.canSeePeers).toBe(canSee);
    expect(choice.teamAvailable).toBe(true);
  });

  it('shows everyone, and no team view, when the signed-in rep is unknown', () => {
    const choice = scopeFor(data, settingsFor(undefined), 'crm', 'team');
    expect(choice).toMatchObject({ scope: { ownerIds: 'all' }, teamAvailable: false, canSeePeers: false });
  });

  it('refuses a drill-down into a peer unless the viewer may see peers, and only within the team', () => {
    expect(() => scopeFor(data, settingsFor('ann'), 'crm', 'personal', 'bob')).toThrow(PeersHiddenError);
    expect(scopeFor(data, settingsFor('lea'), 'crm', 'personal', 'bob')).toMatchObject({ scope: { ownerIds: ['bob'] }, ownerName: 'Bob Peer' });
    // Oli is in another team: a lead of t1 cannot open him.
    expect(() => scopeFor(data, settingsFor('lea'), 'crm', 'personal', 'oli')).toThrow(PeersHiddenError);
    // Opening oneself is always allowed.
    expect(scopeFor(data, settingsFor('ann'), 'crm', 'personal', 'ann').scope.ownerIds).toEqual(['ann']);
  });

  it('knows a lead by role or as the lead a team names', () => {
    const named = fixtureData({
      owners: data.owners.map((o) => (o.externalId === 'lea' ? { ...o, role: 'rep' as const } : o)),
      teams: [{ source: 'crm', externalId: 't1', updatedAt: 0, name: 'North', leadId: 'lea' }],
    });
    expect(isTeamLead(data, 'lea')).toBe(true);
    expect(isTeamLead(named, 'lea')).toBe(true);
    expect(isTeamLead(named, 'ann')).toBe(false);
    expect(scopeFor(named, settingsFor('lea'), 'crm', 'team').canSeePeers).toBe(true);
  });
});
