using CheckIn.Core;
using CheckIn.Tracing.Privacy;
using NodaTime;

namespace CheckIn.Tracing.FollowUp;

/// <summary>Where a contact's follow-up stands.</summary>
public enum FollowUpState
{
    /// <summary>Found by a trace, not yet reached.</summary>
    Identified = 0,

    /// <summary>Reached and told to quarantine (<see cref="FollowUpRecord.QuarantineUntil"/>).</summary>
    Quarantined = 1,

    /// <summary>Tested negative at least once; still in quarantine or monitoring.</summary>
    TestedNegative = 2,

    /// <summary>Tested positive: now a case (level 0), to be traced on.</summary>
    TestedPositive = 3,

    /// <summary>Could not be reached.</summary>
    Unreachable = 4,

    /// <summary>Follow-up finished.</summary>
    Closed = 5,
}

/// <summary>One change of a follow-up record: who changed it, when, from what to what.</summary>
/// <param name="At">When.</param>
/// <param name="Actor">Who (a staff account or key fingerprint; never a contact's name).</param>
/// <param name="From">The state before.</param>
/// <param name="To">The state after.</param>
/// <param name="Note">A short note, or null.</param>
public sealed record FollowUpChange(Instant At, string Actor, FollowUpState From, FollowUpState To, string? Note);

/// <summary>A contact's follow-up.</summary>
/// <param name="Person">The contact's pseudonym.</param>
/// <param name="Level">1 for F1, 2 for F2….</param>
/// <param name="LastExposure">The day of the last exposure (Vietnam's date): day 1 of the quarantine.</param>
/// <param name="Commune">The commune the record belongs to (of the venue or the contact's home), or null.</param>
/// <param name="State">Where it stands.</param>
/// <param name="Protection">The contact's protection, as told when notified.</param>
/// <param name="QuarantineUntil">The last day of quarantine, once notified.</param>
/// <param name="TestsDue">The days tests are due that no result has met yet, ascending.</param>
/// <param name="History">Every change, oldest first.</param>
public sealed record FollowUpRecord(PersonPseudonym Person, int Level, LocalDate LastExposure, int? Commune, FollowUpState State, Protection Protection,
    LocalDate? QuarantineUntil, IReadOnlyList<LocalDate> TestsDue, IReadOnlyList<FollowUpChange> History)
{
    /// <summary>True while something is still to be done (not closed, not a case now, not unreachable).</summary>
    public bool IsOpen => State is FollowUpState.Identified or FollowUpState.Quarantined or FollowUpState.TestedNegative;
}

/// <summary>
/// The follow-up of a trace's contacts, as Go.Data and SORMAS keep it: each contact's state, quarantine and tests under a
/// <see cref="QuarantinePolicy"/>, every change with who made it and when; queries for the day's work. A positive test
/// makes the contact a case to trace on. Not thread-safe: one book per tracing team's session, or a lock around it.
/// </summary>
public sealed class FollowUpBook
{
    private readonly Dictionary<PersonPseudonym, FollowUpRecord> _records = [];

    /// <summary>Creates an empty book.</summary>
    /// <param name="policy">The quarantine policy, or null for <see cref="QuarantinePolicy.Moh2022"/>.</param>
    public FollowUpBook(QuarantinePolicy? policy = null) => Policy = policy ?? QuarantinePolicy.Moh2022;

    /// <summary>The policy notifications follow.</summary>
    public QuarantinePolicy Policy { get; }

    /// <summary>Every record, in the order they were opened.</summary>
    public IReadOnlyCollection<FollowUpRecord> Records => _records.Values;

    /// <summary>Opens a record for each contact of a trace not already in the book (a person already followed keeps their record).</summary>
    /// <param name="trace">The trace.</param>
    /// <param name="communeOf">The commune a contact's record belongs to (for example the venue's), or null.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who opened them.</param>
    /// <returns>How many records were opened.</returns>
    public int Open(TraceResult trace, Func<Contact, int?>? communeOf, Instant at, string actor)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var opened = 0;
        foreach (var contact in trace.Contacts)
        {
            if (_records.ContainsKey(contact.Person))
            {
                continue;
            }

            var exposure = VietnamTime.DateAt(contact.ExposedAt + contact.Overlap - Duration.FromTicks(1));
            _records[contact.Person] = new FollowUpRecord(contact.Person, contact.Level, exposure, communeOf?.Invoke(contact), FollowUpState.Identified,
                Protection.Unknown, null, [], [new FollowUpChange(at, actor, FollowUpState.Identified, FollowUpState.Identified, "opened")]);
            opened++;
        }

        return opened;
    }

    /// <summary>
    /// Puts back a record as it was saved (<see cref="FollowUpJsonReader"/>), history and all, without a change of its own.
    /// </summary>
    /// <param name="record">The record.</param>
    /// <returns>False, and nothing changed, when the book already has a record of that person.</returns>
    /// <exception cref="ArgumentException">The record has no history, or its history does not end in its state.</exception>
    public bool Restore(FollowUpRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.History is not { Count: > 0 } history || history[^1].To != record.State || record.TestsDue is null)
        {
            throw new ArgumentException("A restored record has a history that ends in its state.", nameof(record));
        }

        return _records.TryAdd(record.Person, record);
    }

    /// <summary>The record of a person, or null.</summary>
    /// <param name="person">The pseudonym.</param>
    /// <returns>The record.</returns>
    public FollowUpRecord? Find(PersonPseudonym person) => _records.GetValueOrDefault(person);

    /// <summary>
    /// The contact was reached and told to quarantine: the quarantine and its tests follow from the policy and the
    /// contact's protection, counted from the last exposure (the trace's, or a later one the contact reports).
    /// </summary>
    /// <param name="person">The contact.</param>
    /// <param name="protection">Their protection.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who.</param>
    /// <param name="lastExposure">A later last exposure the contact reported, or null.</param>
    /// <returns>The record, or <c>FollowUp.UnknownPerson</c> / <c>FollowUp.Transition</c>.</returns>
    public Result<FollowUpRecord> Notify(PersonPseudonym person, Protection protection, Instant at, string actor, LocalDate? lastExposure = null) =>
        Change(person, at, actor, [FollowUpState.Identified, FollowUpState.Unreachable], record =>
        {
            var exposure = lastExposure is { } later && later > record.LastExposure ? later : record.LastExposure;
            var rule = Policy.RuleFor(protection);
            return record with
            {
                State = FollowUpState.Quarantined,
                Protection = protection,
                LastExposure = exposure,
                QuarantineUntil = exposure.PlusDays(Math.Max(0, rule.QuarantineDays - 1)),
                TestsDue = [.. rule.TestDays.Select(d => exposure.PlusDays(d - 1))],
            };
        }, $"{protection}, {Policy.Name}");

    /// <summary>
    /// A test result. A negative meets the earliest test due on or before its day; a positive makes the contact a case:
    /// the returned record is closed as <see cref="FollowUpState.TestedPositive"/> and <see cref="CaseOf"/> gives the
    /// case to trace on.
    /// </summary>
    /// <param name="person">The contact.</param>
    /// <param name="positive">The result.</param>
    /// <param name="at">When the sample was taken.</param>
    /// <param name="actor">Who recorded it.</param>
    /// <returns>The record, or <c>FollowUp.UnknownPerson</c> / <c>FollowUp.Transition</c>.</returns>
    public Result<FollowUpRecord> RecordTest(PersonPseudonym person, bool positive, Instant at, string actor) =>
        Change(person, at, actor, [FollowUpState.Identified, FollowUpState.Quarantined, FollowUpState.TestedNegative, FollowUpState.Unreachable], record =>
        {
            if (positive)
            {
                return record with { State = FollowUpState.TestedPositive, TestsDue = [] };
            }

            var day = VietnamTime.DateAt(at);
            var due = record.TestsDue.Count > 0 && record.TestsDue[0] <= day ? record.TestsDue.Skip(1).ToList() : [.. record.TestsDue];
            return record with { State = FollowUpState.TestedNegative, TestsDue = due };
        }, positive ? "positive" : "negative");

    /// <summary>The contact could not be reached.</summary>
    /// <param name="person">The contact.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who.</param>
    /// <returns>The record, or a coded refusal.</returns>
    public Result<FollowUpRecord> MarkUnreachable(PersonPseudonym person, Instant at, string actor) =>
        Change(person, at, actor, [FollowUpState.Identified, FollowUpState.Quarantined], record => record with { State = FollowUpState.Unreachable }, null);

    /// <summary>Follow-up finished (quarantine served, or the contact ruled out).</summary>
    /// <param name="person">The contact.</param>
    /// <param name="at">When.</param>
    /// <param name="actor">Who.</param>
    /// <param name="note">Why, or null.</param>
    /// <returns>The record, or a coded refusal (a positive contact is a case, not closed here).</returns>
    public Result<FollowUpRecord> Close(PersonPseudonym person, Instant at, string actor, string? note = null) =>
        Change(person, at, actor, [FollowUpState.Identified, FollowUpState.Quarantined, FollowUpState.TestedNegative, FollowUpState.Unreachable],
            record => record with { State = FollowUpState.Closed, TestsDue = [] }, note);

    /// <summary>The case a positive contact became: from two days before the positive sample (as tracing cases is done) until then.</summary>
    /// <param name="person">A contact recorded as positive.</param>
    /// <param name="windowBefore">How far before the sample the case's window starts; null for 2 days.</param>
    /// <returns>The case, or <c>FollowUp.Transition</c> when the contact is not positive.</returns>
    public Result<TraceCase> CaseOf(PersonPseudonym person, Duration? windowBefore = null)
    {
        if (!_records.TryGetValue(person, out var record))
        {
            return Result.Fail<TraceCase>(TracingErrors.Of(TracingErrorCodes.FollowUp.UnknownPerson));
        }

        if (record.State != FollowUpState.TestedPositive)
        {
            return Result.Fail<TraceCase>(TracingErrors.Of(TracingErrorCodes.FollowUp.Transition));
        }

        var sampled = record.History[^1].At;
        return Result.Ok(new TraceCase(person, sampled - (windowBefore ?? Duration.FromDays(2)), sampled));
    }

    /// <summary>The day's work: open records with a test due that day, or whose quarantine ends that day, or not yet reached.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The records, by level then last exposure.</returns>
    public IReadOnlyList<FollowUpRecord> DueOn(LocalDate day) =>
        [.. _records.Values.Where(r => r.IsOpen && (r.State == FollowUpState.Identified || r.TestsDue.Contains(day) || r.QuarantineUntil == day))
            .OrderBy(r => r.Level).ThenBy(r => r.LastExposure)];

    /// <summary>Open records behind on <paramref name="day"/>: a test due before it with no result, or a quarantine ended before it and not closed.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The records, by level then last exposure.</returns>
    public IReadOnlyList<FollowUpRecord> OverdueOn(LocalDate day) =>
        [.. _records.Values.Where(r => r.IsOpen && (r.TestsDue.Any(d => d < day) || r.QuarantineUntil < day))
            .OrderBy(r => r.Level).ThenBy(r => r.LastExposure)];

    /// <summary>Records counted by commune and state (a commune of null is "not known").</summary>
    /// <returns>(commune, state) → count, ordered by commune then state.</returns>
    public IReadOnlyList<(int? Commune, FollowUpState State, int Count)> ByCommune() =>
        [.. _records.Values.GroupBy(r => (r.Commune, r.State)).Select(g => (g.Key.Commune, g.Key.State, g.Count())).OrderBy(t => t.Commune ?? -1).ThenBy(t => t.State)];

    private Result<FollowUpRecord> Change(PersonPseudonym person, Instant at, string actor, FollowUpState[] from, Func<FollowUpRecord, FollowUpRecord> apply, string? note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (!_records.TryGetValue(person, out var record))
        {
            return Result.Fail<FollowUpRecord>(TracingErrors.Of(TracingErrorCodes.FollowUp.UnknownPerson));
        }

        if (!from.Contains(record.State))
        {
            return Result.Fail<FollowUpRecord>(TracingErrors.Of(TracingErrorCodes.FollowUp.Transition));
        }

        var changed = apply(record);
        changed = changed with { History = [.. record.History, new FollowUpChange(at, actor, record.State, changed.State, note)] };
        _records[person] = changed;
        return Result.Ok(changed);
    }
}
