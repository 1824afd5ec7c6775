using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Core.Text;

namespace CheckIn.Tracing.Venues;

/// <summary>A registered venue: its key, kind, commune and display name.</summary>
/// <param name="Key">The canonical venue key, as events and the index hold it.</param>
/// <param name="Kind">What kind of place it is (sets the default visit length).</param>
/// <param name="Commune">The commune it lies in, when known.</param>
/// <param name="Name">A display name, when known (venue names are not personal data).</param>
public sealed record VenueRecord(string Key, VenueKind Kind, AdministrativeUnit? Commune, string? Name);

/// <summary>Contacts of a trace counted by the commune of the venue where they were exposed.</summary>
/// <param name="Commune">The commune; null for venues not registered or registered without one.</param>
/// <param name="Venues">How many distinct venues in it exposed someone.</param>
/// <param name="ContactsByLevel">Contacts exposed there, by level: index 0 holds F1, index 1 F2, and so on.</param>
public sealed record CommuneTally(AdministrativeUnit? Commune, int Venues, IReadOnlyList<int> ContactsByLevel)
{
    /// <summary>All contacts exposed in the commune.</summary>
    public int Contacts => ContactsByLevel.Sum();
}

/// <summary>
/// The venues a deployment knows: kind (so a visit without check-out lasts the kind's default length) and commune
/// (so traces can be reported by commune), keyed by the canonical venue key the recorder and the index use
/// (<see cref="Visits.ScanInterpreter.VenueKeyOf"/> for scanned codes). Registering a venue again updates it.
/// Thread-safe.
/// </summary>
public sealed class VenueRegistry
{
    private readonly Dictionary<string, VenueRecord> _venues = new(StringComparer.Ordinal);
    private readonly AdministrativeUnits _units;
    private readonly Lock _gate = new();

    /// <summary>Creates an empty registry whose communes are those of one era.</summary>
    /// <param name="era">
    /// The administrative units commune codes refer to: <see cref="AdministrativeEra.Legacy"/> (the default) for the
    /// 2021 check-in years, <see cref="AdministrativeEra.Reform2025"/> for codes after 1 July 2025.
    /// </param>
    /// <param name="units">The unit list, or null for <see cref="AdministrativeUnits.Default"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The era is not defined.</exception>
    public VenueRegistry(AdministrativeEra era = AdministrativeEra.Legacy, AdministrativeUnits? units = null)
    {
        if (!Enum.IsDefined(era))
        {
            throw new ArgumentOutOfRangeException(nameof(era), era, "Unknown administrative era.");
        }

        Era = era;
        _units = units ?? AdministrativeUnits.Default;
    }

    /// <summary>The era commune codes refer to.</summary>
    public AdministrativeEra Era { get; }

    /// <summary>The number of venues registered.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _venues.Count;
            }
        }
    }

    /// <summary>Registers a venue, or updates it.</summary>
    /// <param name="key">The venue key (canonicalized as the readers do).</param>
    /// <param name="kind">The venue kind.</param>
    /// <param name="communeCode">The commune's code in <see cref="Era"/>, or null.</param>
    /// <param name="name">A display name, or null.</param>
    /// <returns>The record; or <c>Venue.Key</c> for a key with nothing visible, <c>Venue.UnknownCommune</c> for a code that is no commune of the era.</returns>
    /// <exception cref="ArgumentNullException">The key is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The kind is not defined.</exception>
    public Result<VenueRecord> Register(string key, VenueKind kind, int? communeCode = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown venue kind.");
        }

        var canonical = IdentifierText.Canonicalize(key);
        if (canonical.Length == 0)
        {
            return Result.Fail<VenueRecord>(TracingErrors.Of(TracingErrorCodes.Venue.Key));
        }

        AdministrativeUnit? commune = null;
        if (communeCode is { } code && (commune = _units.FindCommune(code, Era)) is null)
        {
            return Result.Fail<VenueRecord>(TracingErrors.Of(TracingErrorCodes.Venue.UnknownCommune));
        }

        var record = new VenueRecord(canonical, kind, commune, string.IsNullOrWhiteSpace(name) ? null : name.Trim());
        lock (_gate)
        {
            _venues[canonical] = record;
        }

        return Result.Ok(record);
    }

    /// <summary>The venue registered under a key, or null.</summary>
    /// <param name="key">The venue key, in any spelling the readers canonicalize.</param>
    /// <returns>The record, or null.</returns>
    public VenueRecord? Find(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var canonical = IdentifierText.Canonicalize(key);
        lock (_gate)
        {
            return _venues.GetValueOrDefault(canonical);
        }
    }

    /// <summary>The kind of a venue: what an event there is recorded with; <see cref="VenueKind.Unspecified"/> when not registered.</summary>
    /// <param name="key">The venue key.</param>
    /// <returns>The kind.</returns>
    public VenueKind KindOf(string key) => Find(key)?.Kind ?? VenueKind.Unspecified;

    /// <summary>
    /// A trace's contacts counted by the commune of the venue that exposed them, ordered by commune code (venues
    /// without a commune last): where a tracing team's calls will go.
    /// </summary>
    /// <param name="result">The trace.</param>
    /// <returns>One tally per commune with contacts.</returns>
    public IReadOnlyList<CommuneTally> ContactsByCommune(TraceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var depth = result.Contacts.Count == 0 ? 0 : result.Contacts.Max(c => c.Level);
        var tallies = new Dictionary<int, (AdministrativeUnit? Commune, HashSet<string> Venues, int[] Levels)>();
        lock (_gate)
        {
            // A contact reached by proximity only has no venue: counted without a commune.
            foreach (var contact in result.Contacts)
            {
                var commune = contact.Venue is { } key ? _venues.GetValueOrDefault(key)?.Commune : null;
                var slot = commune?.Code ?? int.MaxValue;
                if (!tallies.TryGetValue(slot, out var tally))
                {
                    tallies[slot] = tally = (commune, new HashSet<string>(StringComparer.Ordinal), new int[depth]);
                }

                if (contact.Venue is { } venue)
                {
                    tally.Venues.Add(venue);
                }
                tally.Levels[contact.Level - 1]++;
            }
        }

        return [.. tallies.OrderBy(t => t.Key).Select(t => new CommuneTally(t.Value.Commune, t.Value.Venues.Count, t.Value.Levels))];
    }
}
