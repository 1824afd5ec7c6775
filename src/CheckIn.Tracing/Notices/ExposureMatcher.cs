using System.Collections.Frozen;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Notices;

/// <summary>
/// Checks a person's own visits against the notices of a verified <see cref="ExposureNoticePackage"/> on their
/// device, with the same rule as the tracer: the overlap <c>[max(in, From), min(out, Until))</c> must last at least
/// the minimum overlap and longer than zero. The visits never leave the device. Immutable and thread-safe.
/// </summary>
/// <remarks>
/// The matcher takes only a package <see cref="ExposureNoticePackage.Read"/> verified against the authority's
/// trust list: an unsigned or forged list of notices (which would send people into quarantine, or hide an
/// outbreak) never reaches it.
/// </remarks>
public sealed class ExposureMatcher
{
    private readonly FrozenDictionary<string, ExposureNotice[]> _byVenue;
    private readonly Duration _minOverlap;

    /// <summary>Creates a matcher over a verified package.</summary>
    /// <param name="package">The package, as <see cref="ExposureNoticePackage.Read"/> verified it.</param>
    /// <param name="minOverlap">The minimum overlap (the tracer's <see cref="ContactTracerOptions.MinOverlap"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException">The minimum overlap is negative.</exception>
    public ExposureMatcher(ExposureNoticePackage package, Duration minOverlap)
        : this((package ?? throw new ArgumentNullException(nameof(package))).Notices, minOverlap)
    {
    }

    /// <summary>The authority's side (and tests): match against notices it made itself, with no package.</summary>
    internal ExposureMatcher(IEnumerable<ExposureNotice> notices, Duration minOverlap)
    {
        ArgumentNullException.ThrowIfNull(notices);
        if (minOverlap < Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(minOverlap), minOverlap, "The minimum overlap must not be negative.");
        }

        _byVenue = notices
            .Where(n => n.Until > n.From)
            .GroupBy(n => n.Venue, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(n => n.From).ToArray(), StringComparer.Ordinal);
        _minOverlap = minOverlap;
    }

    /// <summary>Finds the person's visits that were exposed.</summary>
    /// <param name="ownVisits">The person's visits.</param>
    /// <returns>Every (visit, notice) pair that matches, ordered by exposure time.</returns>
    public IReadOnlyList<ExposureMatch> Match(IEnumerable<Visit> ownVisits)
    {
        ArgumentNullException.ThrowIfNull(ownVisits);
        var matches = new List<ExposureMatch>();
        foreach (var visit in ownVisits)
        {
            if (!_byVenue.TryGetValue(visit.Venue, out var notices))
            {
                continue;
            }

            foreach (var notice in notices)
            {
                if (notice.From >= visit.CheckOut)
                {
                    break;
                }

                var start = Max(visit.CheckIn, notice.From);
                var overlap = Min(visit.CheckOut, notice.Until) - start;
                if (overlap > Duration.Zero && overlap >= _minOverlap)
                {
                    matches.Add(new ExposureMatch(notice, new VisitInterval(visit.CheckIn, visit.CheckOut, visit.Closure), start, overlap));
                }
            }
        }

        matches.Sort((a, b) => a.ExposedAt.CompareTo(b.ExposedAt));
        return matches;
    }

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static Instant Min(Instant a, Instant b) => a < b ? a : b;
}
