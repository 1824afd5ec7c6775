using CheckIn.Tracing.Notices;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Tests.Support;

/// <summary>
/// A deliberately naive tracer that states the contract as plainly as possible: every source visit against
/// every visit, no index, no cleverness. The engine must agree with it exactly.
/// </summary>
internal static class NaiveTracer
{
    public static (List<Contact> Contacts, List<ExposureNotice> Notices) Trace(IReadOnlyList<Visit> visits, IReadOnlyList<TraceCase> cases, ContactTracerOptions options)
    {
        var asOf = options.AsOf!.Value;
        var minOverlap = options.MinOverlap;
        var levels = new Dictionary<PersonPseudonym, int>();
        var sources = new List<(PersonPseudonym Person, Instant From, Instant Until)>();
        var known = visits.Select(v => v.Person).ToHashSet();
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

            // Scores: others at the venue during the overlap (every visit that overlaps it, less the contact's own),
            // the source's score (1 for a case) times the overlap's.
            var found = new List<Contact>();
            foreach (var contact in best.Values)
            {
                levels[contact.Person] = level;
                var end = contact.ExposedAt + contact.Overlap;
                var others = Math.Max(0, visits.Count(v => v.Venue == contact.Venue && v.CheckIn < end && v.CheckOut > contact.ExposedAt) - 1);
                var model = options.Risk;
                var minutes = contact.Overlap.TotalSeconds / 60.0 * (contact.InAssumedTail ? model.AssumedTailWeight : 1);
                var kind = options.VenueKindOf?.Invoke(contact.Venue) ?? CheckIn.Core.Places.VenueKind.Unspecified;
                var weight = model.KindWeights.TryGetValue(kind, out var w) ? w : 1;
                var close = model.UseCrowding ? Math.Min(1, model.CloseContacts / (double)Math.Max(1, others)) : 1;
                var score = scores.GetValueOrDefault(contact.Source, 1) * (1 - Math.Exp(-model.RatePerMinute * weight * close * minutes));
                found.Add(contact with { Score = score, OthersPresent = model.UseCrowding ? others : null });
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
            c = a.SourceVisit.CheckIn.CompareTo(b.SourceVisit.CheckIn);
        }

        if (c == 0)
        {
            c = a.ContactVisit.CheckIn.CompareTo(b.ContactVisit.CheckIn);
        }

        if (c == 0)
        {
            c = b.Overlap.CompareTo(a.Overlap);
        }

        if (c == 0)
        {
            c = a.SourceVisit.CheckOut.CompareTo(b.SourceVisit.CheckOut);
        }

        if (c == 0)
        {
            c = a.ContactVisit.CheckOut.CompareTo(b.ContactVisit.CheckOut);
        }

        if (c == 0)
        {
            c = Rank(a.SourceVisit.Closure).CompareTo(Rank(b.SourceVisit.Closure));
        }

        if (c == 0)
        {
            c = Rank(a.ContactVisit.Closure).CompareTo(Rank(b.ContactVisit.Closure));
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
