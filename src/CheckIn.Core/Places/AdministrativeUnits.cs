using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CheckIn.Core.Text;
using NodaTime;

namespace CheckIn.Core.Places;

/// <summary>
/// Vietnam's administrative units before and after the reform of 1 July 2025, and the conversion between
/// them, from the official lists (GSO list of 4 January 2025; Decision 19/2025/QĐ-TTg), embedded in the
/// assembly.
/// </summary>
/// <remarks>
/// <para>
/// Answers "is this code valid on this date" (<see cref="CheckCommune"/>), "what did this old commune
/// become" (<see cref="SuccessorsOf(int)"/>) and name search that ignores diacritics and case
/// (<see cref="Search"/>: <c>"ha noi"</c> finds Hà Nội). An address is valid against the list in force on
/// the date it refers to; commune codes are reused across eras, so a code alone is ambiguous.
/// </para>
/// <para>
/// The table is loaded on first use of <see cref="Default"/> (about 110 KB compressed). Instances are
/// immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class AdministrativeUnits
{
    private const string ResourceName = "CheckIn.Core.Places.AdministrativeUnits.tsv.br";

    private static readonly Lazy<AdministrativeUnits> LazyDefault = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<int, AdministrativeUnit>[] _provinces;
    private readonly FrozenDictionary<int, AdministrativeUnit>[] _communes;
    private readonly FrozenDictionary<int, AdministrativeUnit> _districts;
    private readonly FrozenDictionary<int, ImmutableArray<CommuneSuccession>> _successors;
    private readonly FrozenDictionary<int, ImmutableArray<CommuneSuccession>> _predecessors;
    private readonly FrozenDictionary<int, int[]> _districtSuccessors;
    private readonly (AdministrativeUnit Unit, string FoldedName, string FoldedShortName)[] _searchIndex;
    private readonly ImmutableArray<AdministrativeUnit>[] _sortedProvinces;
    private readonly ImmutableArray<AdministrativeUnit>[] _sortedCommunes;
    private readonly ImmutableArray<AdministrativeUnit> _sortedDistricts;

    private AdministrativeUnits(
        List<AdministrativeUnit> units,
        List<(int OldCode, int NewCode, bool Whole)> conversions,
        List<(int District, int NewCode)> districtConversions)
    {
        _provinces =
        [
            ByCode(units, AdministrativeLevel.Province, AdministrativeEra.Legacy),
            ByCode(units, AdministrativeLevel.Province, AdministrativeEra.Reform2025),
        ];
        _communes =
        [
            ByCode(units, AdministrativeLevel.Commune, AdministrativeEra.Legacy),
            ByCode(units, AdministrativeLevel.Commune, AdministrativeEra.Reform2025),
        ];
        _districts = ByCode(units, AdministrativeLevel.District, AdministrativeEra.Legacy);

        var successions = conversions
            .Select(c => new CommuneSuccession(
                c.OldCode,
                _communes[0].GetValueOrDefault(c.OldCode),
                _communes[1][c.NewCode],
                c.Whole))
            .ToList();
        _successors = successions.GroupBy(s => s.OldCommuneCode).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _predecessors = successions.GroupBy(s => s.NewCommune.Code).ToFrozenDictionary(g => g.Key, g => g.ToImmutableArray());
        _districtSuccessors = districtConversions.GroupBy(d => d.District).ToFrozenDictionary(g => g.Key, g => g.Select(d => d.NewCode).ToArray());
        _searchIndex = units.Select(u => (u, Fold(u.Name), Fold(u.ShortName))).ToArray();
        _sortedProvinces = [Sorted(_provinces[0]), Sorted(_provinces[1])];
        _sortedCommunes = [Sorted(_communes[0]), Sorted(_communes[1])];
        _sortedDistricts = Sorted(_districts);
    }

    /// <summary>The embedded official lists.</summary>
    public static AdministrativeUnits Default => LazyDefault.Value;

    /// <summary>The day the 2025 reform took effect: 1 July 2025.</summary>
    public static LocalDate ReformDate { get; } = new(2025, 7, 1);

    /// <summary>The era in force on a date.</summary>
    /// <param name="date">The date an address refers to.</param>
    /// <returns><see cref="AdministrativeEra.Legacy"/> before 1 July 2025, otherwise <see cref="AdministrativeEra.Reform2025"/>.</returns>
    public static AdministrativeEra EraOn(LocalDate date) =>
        date < ReformDate ? AdministrativeEra.Legacy : AdministrativeEra.Reform2025;

    /// <summary>All provinces of an era, by code.</summary>
    /// <param name="era">The era.</param>
    /// <returns>63 (legacy) or 34 (2025) provinces.</returns>
    public IReadOnlyList<AdministrativeUnit> Provinces(AdministrativeEra era) => _sortedProvinces[EraIndex(era)];

    /// <summary>All legacy districts, by code (the 2025 reform abolished the district level).</summary>
    /// <returns>The districts.</returns>
    public IReadOnlyList<AdministrativeUnit> Districts() => _sortedDistricts;

    /// <summary>All communes of an era, by code.</summary>
    /// <param name="era">The era.</param>
    /// <returns>The communes.</returns>
    public IReadOnlyList<AdministrativeUnit> Communes(AdministrativeEra era) => _sortedCommunes[EraIndex(era)];

    /// <summary>Finds a province by code in an era.</summary>
    /// <param name="code">The 2-digit code as a number (1 for Hà Nội).</param>
    /// <param name="era">The era.</param>
    /// <returns>The province, or null.</returns>
    public AdministrativeUnit? FindProvince(int code, AdministrativeEra era) => _provinces[EraIndex(era)].GetValueOrDefault(code);

    /// <summary>Finds a legacy district by code.</summary>
    /// <param name="code">The 3-digit code as a number.</param>
    /// <returns>The district, or null.</returns>
    public AdministrativeUnit? FindDistrict(int code) => _districts.GetValueOrDefault(code);

    /// <summary>Finds a commune by code in an era.</summary>
    /// <param name="code">The 5-digit code as a number.</param>
    /// <param name="era">The era.</param>
    /// <returns>The commune, or null.</returns>
    public AdministrativeUnit? FindCommune(int code, AdministrativeEra era) => _communes[EraIndex(era)].GetValueOrDefault(code);

    /// <summary>Whether a province code was in force on a date.</summary>
    /// <param name="code">The province code.</param>
    /// <param name="date">The date.</param>
    /// <returns>The validity.</returns>
    public UnitValidity CheckProvince(int code, LocalDate date) => Check(_provinces, code, date);

    /// <summary>Whether a commune code was in force on a date.</summary>
    /// <param name="code">The commune code.</param>
    /// <param name="date">The date.</param>
    /// <returns>The validity.</returns>
    public UnitValidity CheckCommune(int code, LocalDate date) => Check(_communes, code, date);

    /// <summary>True when, on the date, the commune was in force and lay in the province.</summary>
    /// <param name="communeCode">The commune code.</param>
    /// <param name="provinceCode">The province code.</param>
    /// <param name="date">The date.</param>
    /// <returns>True when the commune is inside the province on that date.</returns>
    public bool IsCommuneInProvince(int communeCode, int provinceCode, LocalDate date) =>
        FindCommune(communeCode, EraOn(date)) is { } commune && commune.Province.Code == provinceCode;

    /// <summary>What an old commune became on 1 July 2025.</summary>
    /// <param name="oldCommuneCode">The legacy commune code.</param>
    /// <returns>The new communes it went into (wholly or partly); empty when the code is not in the conversion list.</returns>
    public IReadOnlyList<CommuneSuccession> SuccessorsOf(int oldCommuneCode) =>
        _successors.TryGetValue(oldCommuneCode, out var rows) ? rows : [];

    /// <summary>The old communes a new commune was formed from.</summary>
    /// <param name="newCommuneCode">The commune code from 1 July 2025.</param>
    /// <returns>The conversion rows; empty when unknown.</returns>
    public IReadOnlyList<CommuneSuccession> PredecessorsOf(int newCommuneCode) =>
        _predecessors.TryGetValue(newCommuneCode, out var rows) ? rows : [];

    /// <summary>
    /// The communes from 1 July 2025 that a legacy unit's territory went into: for a commune its successors,
    /// for a district those of its communes (island districts without communes map directly), for a
    /// province those of its districts.
    /// </summary>
    /// <param name="legacyUnit">A unit of the legacy era.</param>
    /// <returns>The new communes, by code, without duplicates.</returns>
    /// <exception cref="ArgumentException">The unit is not of the legacy era.</exception>
    public IReadOnlyList<AdministrativeUnit> SuccessorsOf(AdministrativeUnit legacyUnit)
    {
        ArgumentNullException.ThrowIfNull(legacyUnit);
        if (legacyUnit.Era != AdministrativeEra.Legacy)
        {
            throw new ArgumentException("Only legacy units have successors.", nameof(legacyUnit));
        }

        var result = new SortedDictionary<int, AdministrativeUnit>();
        foreach (var commune in _communes[0].Values)
        {
            if (IsWithin(commune, legacyUnit))
            {
                foreach (var row in SuccessorsOf(commune.Code))
                {
                    result[row.NewCommune.Code] = row.NewCommune;
                }
            }
        }

        foreach (var (district, newCodes) in _districtSuccessors)
        {
            if (IsWithin(_districts[district], legacyUnit))
            {
                foreach (var code in newCodes)
                {
                    result[code] = _communes[1][code];
                }
            }
        }

        return [.. result.Values];
    }

    /// <summary>The provinces from 1 July 2025 that an old province's territory went into.</summary>
    /// <param name="legacyProvinceCode">The legacy province code.</param>
    /// <returns>The new provinces; empty when the code is unknown.</returns>
    public IReadOnlyList<AdministrativeUnit> SuccessorProvincesOf(int legacyProvinceCode) =>
        FindProvince(legacyProvinceCode, AdministrativeEra.Legacy) is { } province
            ? [.. SuccessorsOf(province).Select(c => c.Province).Distinct().OrderBy(p => p.Code)]
            : [];

    /// <summary>
    /// Finds units by name, ignoring diacritics, case and the unit type: <c>"ha noi"</c> finds Thành phố Hà Nội,
    /// <c>"tp. hcm"</c>-style abbreviations <c>tp</c>, <c>tx</c>, <c>tt</c> are expanded. Best matches first: exact
    /// name, then names starting with the query, then the query at a word start, then anywhere. Legacy names
    /// are those of January 2025 (Thừa Thiên Huế is listed as Thành phố Huế).
    /// </summary>
    /// <param name="query">The text to look for.</param>
    /// <param name="era">The era to search.</param>
    /// <param name="level">Only this level, or every level when null.</param>
    /// <param name="maxResults">The most results returned.</param>
    /// <returns>The matches.</returns>
    public IReadOnlyList<AdministrativeUnit> Search(string query, AdministrativeEra era, AdministrativeLevel? level = null, int maxResults = 20)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxResults);
        var folded = ExpandAbbreviations(Fold(query));
        if (folded.Length == 0)
        {
            return [];
        }

        var matches = new List<(int Rank, AdministrativeUnit Unit)>();
        foreach (var (unit, name, shortName) in _searchIndex)
        {
            if (unit.Era != era || (level is { } l && unit.Level != l))
            {
                continue;
            }

            int rank;
            if (shortName == folded || name == folded)
            {
                rank = 0;
            }
            else if (shortName.StartsWith(folded, StringComparison.Ordinal))
            {
                rank = 1;
            }
            else if (name.Contains(" " + folded, StringComparison.Ordinal))
            {
                rank = 2;
            }
            else if (name.Contains(folded, StringComparison.Ordinal))
            {
                rank = 3;
            }
            else
            {
                continue;
            }

            matches.Add((rank, unit));
        }

        return
        [
            .. matches
                .OrderBy(m => m.Rank)
                .ThenBy(m => m.Unit.Level)
                .ThenBy(m => m.Unit.Code)
                .Take(maxResults)
                .Select(m => m.Unit),
        ];
    }

    internal static AdministrativeUnits Load()
    {
        using var stream = typeof(AdministrativeUnits).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var brotli = new BrotliStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(brotli, Encoding.UTF8);

        var units = new List<AdministrativeUnit>(14_500);
        var legacyProvinces = new Dictionary<int, AdministrativeUnit>();
        var newProvinces = new Dictionary<int, AdministrativeUnit>();
        var districts = new Dictionary<int, AdministrativeUnit>();
        var conversions = new List<(int, int, bool)>(10_600);
        var districtConversions = new List<(int, int)>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "L":
                    units.Add(legacyProvinces[Code(f[1])] = new AdministrativeUnit(Code(f[1]), f[2], AdministrativeLevel.Province, AdministrativeEra.Legacy, null));
                    break;
                case "D":
                    units.Add(districts[Code(f[1])] = new AdministrativeUnit(Code(f[1]), f[3], AdministrativeLevel.District, AdministrativeEra.Legacy, legacyProvinces[Code(f[2])]));
                    break;
                case "C":
                    units.Add(new AdministrativeUnit(Code(f[1]), f[3], AdministrativeLevel.Commune, AdministrativeEra.Legacy, districts[Code(f[2])]));
                    break;
                case "P":
                    units.Add(newProvinces[Code(f[1])] = new AdministrativeUnit(Code(f[1]), f[2], AdministrativeLevel.Province, AdministrativeEra.Reform2025, null));
                    break;
                case "W":
                    units.Add(new AdministrativeUnit(Code(f[1]), f[3], AdministrativeLevel.Commune, AdministrativeEra.Reform2025, newProvinces[Code(f[2])]));
                    break;
                case "X":
                    conversions.Add((Code(f[1]), Code(f[2]), f[3] == "F"));
                    break;
                case "Y":
                    districtConversions.Add((Code(f[1]), Code(f[2])));
                    break;
                default:
                    throw new InvalidOperationException($"Unexpected record '{f[0]}' in {ResourceName}.");
            }
        }

        return new AdministrativeUnits(units, conversions, districtConversions);
    }

    private static int Code(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static int EraIndex(AdministrativeEra era) => era switch
    {
        AdministrativeEra.Legacy => 0,
        AdministrativeEra.Reform2025 => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(era), era, "Unknown era."),
    };

    private static UnitValidity Check(FrozenDictionary<int, AdministrativeUnit>[] byEra, int code, LocalDate date)
    {
        var era = EraIndex(EraOn(date));
        return byEra[era].ContainsKey(code) ? UnitValidity.InForce
            : byEra[1 - era].ContainsKey(code) ? UnitValidity.NotInForce
            : UnitValidity.Unknown;
    }

    private static bool IsWithin(AdministrativeUnit unit, AdministrativeUnit container)
    {
        for (var current = unit; current is not null; current = current.Parent)
        {
            if (ReferenceEquals(current, container))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<int, AdministrativeUnit> ByCode(List<AdministrativeUnit> units, AdministrativeLevel level, AdministrativeEra era) =>
        units.Where(u => u.Level == level && u.Era == era).ToFrozenDictionary(u => u.Code);

    private static ImmutableArray<AdministrativeUnit> Sorted(FrozenDictionary<int, AdministrativeUnit> units) =>
        [.. units.Values.OrderBy(u => u.Code)];

    // What people type for the unit types: "tp. hồ chí minh", "tx sơn tây", "tt phú bài".
    private static string ExpandAbbreviations(string folded) =>
        string.Join(' ', folded.Split(' ').Select(word => word switch
        {
            "tp" => "thanh pho",
            "tx" => "thi xa",
            "tt" => "thi tran",
            _ => word,
        }));

    private static string Fold(string text) =>
        VietnameseText.CollapseWhitespace(VietnameseText.RemoveDiacritics(text).Replace('.', ' ').Replace(',', ' ')).ToLowerInvariant();
}
