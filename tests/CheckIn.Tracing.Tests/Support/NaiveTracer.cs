using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>
/// A deliberately naive tracer that states the contract as plainly as possible: every source visit against
/// every visit, no index, no cleverness. The engine must agree with it exactly.
/// </summary>
internal static class NaiveTracer
{
    public static (List<Contact> Contacts, List<ExposureNotice> Notices) Trace(IReadOnlyList<Visit> visits, IReadOnlyList<TraceCase> cases, ContactTracerOptions options, IReadOnlyList<Encounter>? encounters = null)
    {
        encounters ??= [];
        var asOf = options.AsOf!.Value;
        var minOverlap = options.MinOverlap;
        var levels = new Dictionary<PersonPseudonym, int>();
        var sources = new List<(PersonPseudonym Person, Instant From, Instant Until)>();
        var known = visits.Select(v => v.Person).Concat(encounters.Select(e => e.Person)).Concat(encounters.Select(e => e.Other)).ToHashSet();
        foreach (var c in cases)
        {
            if (known.Contains(c.Person))
            {
                levels[c.Person] = 0;
                sources.Add((c.Person, c.From, c.Until));
            }
        }

        var contacts = new List<Contact>();
        var scores = new Dictionary<PersonPseudonym, double>();
        var notices = new List<ExposureNotice>();
        for (var level = 1; level <= options.MaxDepth && sources.Count > 0; level++)
        {
            var best = new Dictionary<PersonPseudonym, Contact>();
            foreach (var (source, from, until) in sources)
            {
                var windowEnd = until < asOf ? until : asOf;
                foreach (var sv in visits.Where(v => v.Person == source))
                {
                    var inside = Max(sv.CheckIn, from);
                    var insideEnd = Min(sv.CheckOut, windowEnd);
                    if (insideEnd <= inside)
                    {
                        continue;
                    }

                    var exposureEnd = insideEnd + options.Linger;
                    if (level == 1)
                    {
                        notices.Add(new ExposureNotice(sv.Venue, inside, exposureEnd));
                    }

                    foreach (var cv in visits.Where(v => v.Venue == sv.Venue && !levels.ContainsKey(v.Person)))
                    {
                        var start = Max(cv.CheckIn, inside);
                        var overlap = Min(cv.CheckOut, exposureEnd) - start;
                        if (overlap <= Duration.Zero || overlap < minOverlap)
                        {
                            continue;
                        }

                        var candidate = new Contact(cv.Person, level, start, sv.Venue, overlap, source,
                            new VisitInterval(sv.CheckIn, sv.CheckOut, sv.Closure), new VisitInterval(cv.CheckIn, cv.CheckOut, cv.Closure));
                        if (!best.TryGetValue(cv.Person, out var current) || Better(candidate, current))
                        {
                            best[cv.Person] = candidate;
                        }
                    }
                }
            }

            // Proximity: every encounter of a source, its part inside the source's window, close enough and long enough.
            var near = new Dictionary<PersonPseudonym, (PersonPseudonym Source, Instant At, Duration Overlap, Encounter Encounter)>();
            foreach (var (source, from, until) in sources)
            {
                var windowEnd = until < asOf ? until : asOf;
                foreach (var e in encounters)
                {
                    if ((e.Person != source && e.Other != source) || e.Distance > options.MaxEncounterDistance)
                    {
                        continue;
                    }

                    var other = e.Person == source ? e.Other : e.Person;
                    var start = Max(e.Start, from);
                    var overlap = Min(e.End, windowEnd) - start;
                    if (levels.ContainsKey(other) || overlap <= Duration.Zero || overlap < options.MinEncounter)
                    {
                        continue;
                    }

                    var candidate = (source, start, overlap, e);
                    if (!near.TryGetValue(other, out var current) || BetterEncounter(candidate, current))
                    {
                        near[other] = candidate;
                    }
                }
            }

            // Scores: for a venue overlap, others at the venue during it (every visit that overlaps it, less the
            // contact's own) and the source's score (1 for a case) times the overlap's; for an encounter, the source's
            // score times the encounter's; both combined as independent chances. The evidence kept is the earlier.
            var found = new List<Contact>();
            foreach (var person in best.Keys.Concat(near.Keys).Distinct())
            {
                levels[person] = level;
                var model = options.Risk;
                double venueScore = 0, encounterScore = 0;
                Contact? contact = null;
                if (best.TryGetValue(person, out var atVenue))
                {
                    var end = atVenue.ExposedAt + atVenue.Overlap;
                    var others = Math.Max(0, visits.Count(v => v.Venue == atVenue.Venue && v.CheckIn < end && v.CheckOut > atVenue.ExposedAt) - 1);
                    var minutes = atVenue.Overlap.TotalSeconds / 60.0 * (atVenue.InAssumedTail ? model.AssumedTailWeight : 1);
                    var kind = options.VenueKindOf?.Invoke(atVenue.Venue!) ?? CheckIn.Core.Places.VenueKind.Unspecified;
                    var weight = model.KindWeights.TryGetValue(kind, out var w) ? w : 1;
                    var close = model.UseCrowding ? Math.Min(1, model.CloseContacts / (double)Math.Max(1, others)) : 1;
                    venueScore = scores.GetValueOrDefault(atVenue.Source, 1) * (1 - Math.Exp(-model.RatePerMinute * weight * close * minutes));
                    contact = atVenue with { OthersPresent = model.UseCrowding ? others : null };
                }

                EncounterEvidence? evidence = null;
                if (near.TryGetValue(person, out var byEncounter))
                {
                    var weight = model.DistanceWeights.TryGetValue(byEncounter.Encounter.Distance, out var w) ? w : 1;
                    encounterScore = scores.GetValueOrDefault(byEncounter.Source, 1) * (1 - Math.Exp(-model.RatePerMinute * weight * (byEncounter.Overlap.TotalSeconds / 60.0)));
                    evidence = new EncounterEvidence(byEncounter.Source, byEncounter.At, byEncounter.Overlap, byEncounter.Encounter.Distance, new Interval(byEncounter.Encounter.Start, byEncounter.Encounter.End));
                    if (contact is null || byEncounter.At < contact.ExposedAt)
                    {
                        contact = new Contact(person, level, byEncounter.At, null, byEncounter.Overlap, byEncounter.Source, null, null);
                    }
                }

                var score = encounterScore == 0 ? venueScore : venueScore == 0 ? encounterScore : 1 - ((1 - venueScore) * (1 - encounterScore));
                var kinds = (atVenue is null ? ContactEvidence.None : ContactEvidence.Venue) | (evidence is null ? ContactEvidence.None : ContactEvidence.Proximity);
                found.Add(contact! with { Score = score, Evidence = kinds, Encounter = evidence });
            }

            // Keep: at least the minimum score, then the top K by score (ties in the documented order).
            found.Sort(Documented);
            var kept = found.Where(c => options.MinScore is not { } min || c.Score >= min).ToList();
            if (options.TopPerLevel is { } top)
            {
                kept = [.. kept.Select((c, i) => (c, i)).OrderByDescending(x => x.c.Score).ThenBy(x => x.i).Take(top).OrderBy(x => x.i).Select(x => x.c)];
            }

            var next = new List<(PersonPseudonym, Instant, Instant)>();
            foreach (var contact in kept)
            {
                contacts.Add(contact);
                scores[contact.Person] = contact.Score;
                if (options.ExpandAbove is { } threshold && contact.Score <= threshold)
                {
                    continue;
                }

                var onwardEnd = options.OnwardWindow is { } onward ? contact.ExposedAt + onward : asOf;
                next.Add((contact.Person, contact.ExposedAt, onwardEnd < asOf ? onwardEnd : asOf));
            }

            sources = next;
        }

        contacts.Sort(Documented);
        notices = notices.Distinct().OrderBy(n => n.Venue, StringComparer.Ordinal).ThenBy(n => n.From).ThenBy(n => n.Until).ToList();
        return (contacts, notices);
    }

    private static int Documented(Contact a, Contact b) => a.Level != b.Level ? a.Level.CompareTo(b.Level)
        : a.ExposedAt != b.ExposedAt ? a.ExposedAt.CompareTo(b.ExposedAt)
        : Compare(a.Person, b.Person);

    private static bool Better(Contact a, Contact b)
    {
        if (a.ExposedAt != b.ExposedAt)
        {
            return a.ExposedAt < b.ExposedAt;
        }

        var c = Compare(a.Source, b.Source);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Venue, b.Venue);
        }

        if (c == 0)
        {
            c = a.SourceVisit!.Value.CheckIn.CompareTo(b.SourceVisit!.Value.CheckIn);
        }

        if (c == 0)
        {
            c = a.ContactVisit!.Value.CheckIn.CompareTo(b.ContactVisit!.Value.CheckIn);
        }

        if (c == 0)
        {
            c = b.Overlap.CompareTo(a.Overlap);
        }

        if (c == 0)
        {
            c = a.SourceVisit!.Value.CheckOut.CompareTo(b.SourceVisit!.Value.CheckOut);
        }

        if (c == 0)
        {
            c = a.ContactVisit!.Value.CheckOut.CompareTo(b.ContactVisit!.Value.CheckOut);
        }

        if (c == 0)
        {
            c = Rank(a.SourceVisit!.Value.Closure).CompareTo(Rank(b.SourceVisit!.Value.Closure));
        }

        if (c == 0)
        {
            c = Rank(a.ContactVisit!.Value.Closure).CompareTo(Rank(b.ContactVisit!.Value.Closure));
        }

        return c < 0;
    }

    /// <summary>Earlier exposure, then smaller source pseudonym, earlier encounter start, longer overlap, closer, longer encounter.</summary>
    private static bool BetterEncounter((PersonPseudonym Source, Instant At, Duration Overlap, Encounter Encounter) a, (PersonPseudonym Source, Instant At, Duration Overlap, Encounter Encounter) b)
    {
        if (a.At != b.At)
        {
            return a.At < b.At;
        }

        var c = Compare(a.Source, b.Source);
        if (c == 0)
        {
            c = a.Encounter.Start.CompareTo(b.Encounter.Start);
        }

        if (c == 0)
        {
            c = b.Overlap.CompareTo(a.Overlap);
        }

        if (c == 0)
        {
            c = a.Encounter.Distance.CompareTo(b.Encounter.Distance);
        }

        if (c == 0)
        {
            c = b.Encounter.Duration.CompareTo(a.Encounter.Duration);
        }

        return c < 0;
    }

    /// <summary>Observed ends first, then default length, next check-in, capped (as the documentation orders them).</summary>
    private static int Rank(VisitClosure closure) => closure switch
    {
        VisitClosure.CheckedOut => 0,
        VisitClosure.DefaultLength => 1,
        VisitClosure.NextCheckIn => 2,
        _ => 3,
    };

    private static int Compare(PersonPseudonym a, PersonPseudonym b) =>
        a.High != b.High ? a.High.CompareTo(b.High) : a.Low.CompareTo(b.Low);

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
