using System.Globalization;
using CheckIn.Core;
using CheckIn.Core.Identity;
using CheckIn.Core.Places;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// The residents and venues of a synthetic province, made from the options' seed: the same options always
/// make the same province. Residents are kept in compact arrays (about 60 bytes each, so millions fit) and
/// built into <see cref="SimulatedResident"/> values on demand. Thread-safe once made.
/// </summary>
public sealed class SyntheticProvince
{
    private const int NoVenue = -1;

    // Mobile prefixes (after the leading 0) of the networks in 2021: Viettel, MobiFone, VinaPhone, Vietnamobile, Gmobile (only those the phone parser takes as mobile for every 7-digit subscriber number).
    private static readonly int[] MobilePrefixes = [32, 33, 34, 35, 36, 37, 38, 39, 86, 96, 97, 98, 70, 76, 77, 78, 79, 90, 93, 81, 82, 83, 84, 85, 88, 91, 94, 92, 56, 58];

    // Share of each age band of five years (0–4 … 85–89), after Vietnam's 2019 census pyramid.
    private static readonly double[] AgeBands = [8.0, 8.0, 7.6, 7.0, 7.2, 8.2, 8.3, 7.9, 7.3, 6.7, 6.1, 5.3, 4.5, 3.5, 2.3, 1.4, 0.9, 0.6];

    // Households of 1 to 7 people, mean about 3.5 (the 2019 census counted 3.5 persons per household).
    private static readonly double[] HouseholdSizes = [0.10, 0.20, 0.21, 0.26, 0.13, 0.06, 0.04];

    private static readonly (VenueKind Kind, double Share)[] VenueMix =
    [
        (VenueKind.Market, 3), (VenueKind.Supermarket, 4), (VenueKind.Other, 30), (VenueKind.School, 7), (VenueKind.Hospital, 1.5),
        (VenueKind.Office, 12), (VenueKind.Factory, 4), (VenueKind.Restaurant, 28), (VenueKind.PlaceOfWorship, 6),
        (VenueKind.Transport, 2), (VenueKind.Checkpoint, 1.5),
    ];

    private readonly byte[] _age;
    private readonly byte[] _flags; // bit 0 female, bit 1 smartphone, bit 2 Bluezone
    private readonly short[] _birthYear;
    private readonly short[] _registration;
    private readonly int[] _serial;
    private readonly int[] _phone;
    private readonly byte[] _phonePrefix;
    private readonly int[] _commune;
    private readonly int[] _household; // the index of the household's first member
    private readonly byte[] _role;
    private readonly byte[] _name; // three bytes a resident: family, middle, given
    private readonly int[] _communeCodes;
    private readonly Dictionary<VenueKind, VenuePicker> _pickers;

    private SyntheticProvince(SimulationOptions options, int[] communeCodes, List<SimulatedVenue> venues)
    {
        Options = options;
        _communeCodes = communeCodes;
        Venues = venues;
        var n = options.Residents;
        _age = new byte[n];
        _flags = new byte[n];
        _birthYear = new short[n];
        _registration = new short[n];
        _serial = new int[n];
        _phone = new int[n];
        _phonePrefix = new byte[n];
        _commune = new int[n];
        _household = new int[n];
        _role = new byte[n];
        _name = new byte[3 * n];
        Workplace = new int[n];
        Market = new int[n];
        Shops = new int[2 * n];
        Restaurants = new int[2 * n];
        Worship = new int[n];
        _pickers = venues.GroupBy(v => v.Kind).ToDictionary(g => g.Key, g => new VenuePicker([.. g]));
    }

    /// <summary>The options the province was made from.</summary>
    public SimulationOptions Options { get; }

    /// <summary>The venues.</summary>
    public IReadOnlyList<SimulatedVenue> Venues { get; }

    /// <summary>How many residents there are.</summary>
    public int ResidentCount => _age.Length;

    /// <summary>The province's name.</summary>
    public string ProvinceName { get; private set; } = string.Empty;

    /// <summary>The first instant of the simulation (local midnight of <see cref="SimulationOptions.Start"/>).</summary>
    public Instant StartInstant => Options.Start.AtMidnight().InZoneStrictly(CheckIn.Core.VietnamTime.Zone).ToInstant();

    /// <summary>Every resident, in index order, built on demand.</summary>
    public IEnumerable<SimulatedResident> Residents => Enumerable.Range(0, ResidentCount).Select(Resident);

    // The venue each resident works or studies at, their market, two shops, two restaurants and place of worship (or -1).
    internal int[] Workplace { get; }

    internal int[] Market { get; }

    internal int[] Shops { get; }

    internal int[] Restaurants { get; }

    internal int[] Worship { get; }

    internal int AgeOf(int resident) => _age[resident];

    internal ResidentRole RoleOf(int resident) => (ResidentRole)_role[resident];

    internal bool HasSmartphone(int resident) => (_flags[resident] & 2) != 0;

    internal bool RunsBluezone(int resident) => (_flags[resident] & 4) != 0;

    internal int HomeCommuneCodeOf(int resident) => _communeCodes[_commune[resident]];

    /// <summary>A resident's full name, without building the whole <see cref="SimulatedResident"/>.</summary>
    internal string FullNameOf(int resident) =>
        VietnameseNames.Compose(_name[3 * resident], _name[(3 * resident) + 1], _name[(3 * resident) + 2], (_flags[resident] & 1) != 0 ? Sex.Female : Sex.Male);

    /// <summary>A resident's phone in national form (0 and nine digits), without parsing it.</summary>
    internal string PhoneTextOf(int resident) =>
        string.Create(CultureInfo.InvariantCulture, $"0{MobilePrefixes[_phonePrefix[resident]]}{_phone[resident]:D7}");

    /// <summary>The resident at an index.</summary>
    /// <param name="index">0 to <see cref="ResidentCount"/> − 1.</param>
    /// <returns>The resident.</returns>
    public SimulatedResident Resident(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, ResidentCount);
        var sex = (_flags[index] & 1) != 0 ? Sex.Female : Sex.Male;
        return new SimulatedResident
        {
            Index = index,
            Id = CitizenId.Create(_registration[index], sex, _birthYear[index], _serial[index]),
            FullName = FullNameOf(index),
            Sex = sex,
            BirthYear = _birthYear[index],
            Age = _age[index],
            Phone = PhoneNumber.Parse(PhoneTextOf(index)),
            HomeCommune = _communeCodes[_commune[index]],
            Household = _household[index],
            HasSmartphone = HasSmartphone(index),
            RunsBluezone = RunsBluezone(index),
            Role = RoleOf(index),
        };
    }

    /// <summary>Makes the province the options describe.</summary>
    /// <param name="options">The options; null for <see cref="SimulationOptions.Default"/>.</param>
    /// <param name="cancellationToken">Stops making residents (two million take a few seconds).</param>
    /// <returns>The province.</returns>
    /// <exception cref="InvalidOptionsException">An option is out of its range, or the province code is not a province of the legacy list.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public static SyntheticProvince Generate(SimulationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= SimulationOptions.Default;
        InvalidOptionsException.ThrowIfAny(options.Validate(), nameof(options));
        var units = AdministrativeUnits.Default;
        var province = units.FindProvince(options.ProvinceCode, AdministrativeEra.Legacy)
            ?? throw new InvalidOperationException("Validate() accepted a province the list does not have.");
        var communes = units.Communes(AdministrativeEra.Legacy).Where(c => c.Province.Code == province.Code).ToArray();
        if (communes.Length == 0)
        {
            throw new ArgumentException($"The province {province.Name} has no communes in the list.", nameof(options));
        }

        // Wards (phường) are denser than rural communes; each commune gets a random weight on top.
        var setup = SimulationRandom.For(options.Seed, 1);
        var communeWeights = communes.Select(c => (c.UnitType == "Phường" ? 3.0 : c.UnitType == "Thị trấn" ? 2.0 : 1.0) * (0.5 + setup.NextDouble())).ToArray();
        var communeCumulative = Cumulative(communeWeights);
        var venues = MakeVenues(options, communes, communeCumulative, ref setup);
        var world = new SyntheticProvince(options, [.. communes.Select(c => c.Code)], venues) { ProvinceName = province.Name };
        var otherProvinces = units.Provinces(AdministrativeEra.Legacy).Where(p => p.Code != province.Code).Select(p => p.Code).ToArray();
        var ageCumulative = Cumulative(AgeBands);

        world.AssignHouseholds();
        Parallel.For(0, options.Residents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken }, i =>
            world.MakeResident(i, communeCumulative, ageCumulative, otherProvinces));
        world.AssignSerials();
        return world;
    }

    /// <summary>Smartphones by age, relative: most adults, fewer of the old, none of the young children.</summary>
    private static double PhoneWeight(int age) => age switch
    {
        < 12 => 0.0,
        < 18 => 0.6,
        <= 60 => 1.0,
        _ => 0.45,
    };

    /// <summary>The mean of <see cref="PhoneWeight"/> over the age distribution, so the overall share is the option's.</summary>
    private static readonly double MeanPhoneWeight = AgeBands
        .SelectMany((share, band) => Enumerable.Range(band * 5, 5).Select(age => share * PhoneWeight(Math.Min(95, age)) / 5))
        .Sum() / AgeBands.Sum();

    /// <summary>Consecutive residents form households, of sizes drawn by <see cref="HouseholdSizes"/>.</summary>
    private void AssignHouseholds()
    {
        var random = SimulationRandom.For(Options.Seed, 8);
        var cumulative = Cumulative(HouseholdSizes);
        for (var head = 0; head < _household.Length;)
        {
            var size = 1 + Pick(cumulative, random.NextDouble());
            var end = Math.Min(_household.Length, head + size);
            _household.AsSpan(head, end - head).Fill(head);
            head = end;
        }
    }

    /// <summary>The index of a resident's household's first member.</summary>
    internal int HouseholdOf(int resident) => _household[resident];

    /// <summary>The residents of the household whose first member is <paramref name="head"/>: head, head + 1, … up to the returned end (exclusive).</summary>
    internal int HouseholdEnd(int head)
    {
        var end = head + 1;
        while (end < _household.Length && _household[end] == head)
        {
            end++;
        }

        return end;
    }

    /// <summary>
    /// The last six digits of the ID numbers: numbered in resident order within each (registration province, sex, birth
    /// year), then spread over 0–999999 by a bijection (982451653 is coprime with 10^6), so no two residents share an ID
    /// number, however many there are (a group of 20 million residents holds far fewer than a million).
    /// </summary>
    private void AssignSerials()
    {
        var counters = new Dictionary<int, int>();
        for (var i = 0; i < _serial.Length; i++)
        {
            var group = (((_registration[i] * 2) + (_flags[i] & 1)) * 10_000) + _birthYear[i];
            ref var next = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counters, group, out _);
            _serial[i] = (int)((ulong)next * 982451653UL % 1_000_000UL);
            next++;
        }
    }

    private void MakeResident(int i, double[] communeCumulative, double[] ageCumulative, int[] otherProvinces)
    {
        var options = Options;
        var random = SimulationRandom.For(options.Seed, 2, i);
        var band = Pick(ageCumulative, random.NextDouble());
        var age = Math.Min(95, (band * 5) + random.Next(5));
        var female = random.Chance(0.505);
        var sex = female ? Sex.Female : Sex.Male;
        _age[i] = (byte)age;
        _birthYear[i] = (short)(options.Start.Year - age - (random.Chance(0.32) ? 1 : 0));
        _registration[i] = (short)(random.Chance(0.88) ? options.ProvinceCode : otherProvinces[random.Next(otherProvinces.Length)]);

        _phonePrefix[i] = (byte)random.Next(MobilePrefixes.Length);
        _phone[i] = random.Next(10_000_000);
        // A household lives in one commune: the one drawn for its first member.
        var household = SimulationRandom.For(options.Seed, 10, _household[i]);
        _commune[i] = Pick(communeCumulative, household.NextDouble());
        var (family, middle, given) = VietnameseNames.Draw(ref random, sex);
        (_name[3 * i], _name[(3 * i) + 1], _name[(3 * i) + 2]) = (family, middle, given);

        var role = age switch
        {
            < 6 => ResidentRole.Child,
            < 18 => ResidentRole.Pupil,
            <= 60 => random.Chance(0.78) ? ResidentRole.Worker : ResidentRole.Homemaker,
            _ => ResidentRole.Retired,
        };
        _role[i] = (byte)role;

        var phoneChance = PhoneWeight(age) * options.SmartphoneShare / MeanPhoneWeight;
        _flags[i] = (byte)((female ? 1 : 0) | (random.Chance(Math.Min(1, phoneChance)) ? 2 : 0));
        // Bluezone from a stream of its own, so the share changes nothing else about the resident.
        if ((_flags[i] & 2) != 0 && SimulationRandom.For(options.Seed, 12, i).Chance(options.BluezoneShare))
        {
            _flags[i] |= 4;
        }

        var home = _communeCodes[_commune[i]];
        Workplace[i] = role switch
        {
            ResidentRole.Pupil => PickVenue(VenueKind.School, home, 0.8, ref random),
            ResidentRole.Worker => random.NextDouble() switch
            {
                < 0.38 => PickVenue(VenueKind.Office, home, 0.3, ref random),
                < 0.58 => PickVenue(VenueKind.Factory, home, 0.2, ref random),
                < 0.72 => PickVenue(VenueKind.Other, home, 0.5, ref random),
                < 0.84 => PickVenue(VenueKind.Restaurant, home, 0.5, ref random),
                < 0.90 => PickVenue(VenueKind.Market, home, 0.6, ref random),
                < 0.94 => PickVenue(VenueKind.School, home, 0.5, ref random),
                < 0.97 => PickVenue(VenueKind.Hospital, home, 0.3, ref random),
                _ => PickVenue(VenueKind.Supermarket, home, 0.4, ref random),
            },
            _ => NoVenue,
        };
        Market[i] = PickVenue(VenueKind.Market, home, 0.8, ref random);
        Shops[2 * i] = PickVenue(VenueKind.Other, home, 0.7, ref random);
        Shops[(2 * i) + 1] = random.Chance(0.5) ? PickVenue(VenueKind.Supermarket, home, 0.4, ref random) : PickVenue(VenueKind.Other, home, 0.5, ref random);
        Restaurants[2 * i] = PickVenue(VenueKind.Restaurant, home, 0.6, ref random);
        Restaurants[(2 * i) + 1] = PickVenue(VenueKind.Restaurant, home, 0.3, ref random);
        Worship[i] = random.Chance(0.35) ? PickVenue(VenueKind.PlaceOfWorship, home, 0.8, ref random) : NoVenue;
    }

    /// <summary>A venue of a kind: in the home commune (its code) with the given probability (when it has one), else anywhere, by popularity.</summary>
    internal int PickVenue(VenueKind kind, int homeCommune, double nearby, ref SimulationRandom random) =>
        _pickers.TryGetValue(kind, out var picker) ? picker.Pick(homeCommune, nearby, ref random) : NoVenue;

    private static List<SimulatedVenue> MakeVenues(SimulationOptions options, AdministrativeUnit[] communes, double[] communeCumulative, ref SimulationRandom random)
    {
        var total = Math.Max(VenueMix.Length * 2, (int)Math.Round(options.Residents * options.VenuesPerThousand / 1000));
        var shareSum = VenueMix.Sum(m => m.Share);
        var venues = new List<SimulatedVenue>(total);
        foreach (var (kind, share) in VenueMix)
        {
            var count = Math.Max(2, (int)Math.Round(total * share / shareSum));
            // Popularity falls off with rank (Zipf, exponent 0.8); ranks are shuffled over the venues.
            var ranks = Enumerable.Range(1, count).ToArray();
            for (var k = ranks.Length - 1; k > 0; k--)
            {
                var j = random.Next(k + 1);
                (ranks[k], ranks[j]) = (ranks[j], ranks[k]);
            }

            for (var k = 0; k < count; k++)
            {
                var commune = Pick(communeCumulative, random.NextDouble());
                var unit = communes[commune];
                var (opens, closes, saturday, sunday) = Hours(kind);
                var groupId = $"{random.NextUInt64():x16}{random.NextUInt64():x16}"[..24];
                venues.Add(new SimulatedVenue
                {
                    Index = venues.Count,
                    Kind = kind,
                    Name = VenueName(kind, unit, k, ref random),
                    CommuneCode = unit.Code,
                    Address = $"{unit.Name}, {unit.Parent?.Name}, {unit.Province.Name}",
                    OpensMinute = opens,
                    ClosesMinute = closes,
                    OpenOnSaturday = saturday,
                    OpenOnSunday = sunday,
                    HasDoorStaff = kind is VenueKind.Market or VenueKind.Supermarket or VenueKind.School or VenueKind.Hospital
                        or VenueKind.Office or VenueKind.Factory or VenueKind.Transport or VenueKind.Checkpoint,
                    Popularity = Math.Pow(ranks[k], -0.8),
                    GroupId = groupId,
                    EnforcesCheckIn = Enforces(options, venues.Count),
                });
            }
        }

        return venues;
    }

    /// <summary>Whether a venue enforces check-in: a hash of the seed and the venue's index against the non-compliant share, so no draw of the world's random stream is spent on it.</summary>
    private static bool Enforces(SimulationOptions options, int venue)
    {
        if (options.NonCompliantVenueShare <= 0)
        {
            return true;
        }

        // SplitMix64's finalizer over (seed, index): uniform enough for a share, and independent of everything else.
        var z = ((ulong)(uint)options.Seed << 32) ^ (uint)venue ^ 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (z >> 11) * (1.0 / (1UL << 53)) >= options.NonCompliantVenueShare;
    }

    private static (int Opens, int Closes, bool Saturday, bool Sunday) Hours(VenueKind kind) => kind switch
    {
        VenueKind.Market => (5 * 60, 18 * 60, true, true),
        VenueKind.Supermarket => ((7 * 60) + 30, 22 * 60, true, true),
        VenueKind.School => ((6 * 60) + 30, (17 * 60) + 30, false, false),
        VenueKind.Hospital => (0, 24 * 60, true, true),
        VenueKind.Office => (7 * 60, (17 * 60) + 30, false, false),
        VenueKind.Factory => (6 * 60, 22 * 60, true, false),
        VenueKind.Restaurant => (6 * 60, 22 * 60, true, true),
        VenueKind.PlaceOfWorship => (5 * 60, 20 * 60, true, true),
        VenueKind.Transport => ((4 * 60) + 30, (22 * 60) + 30, true, true),
        VenueKind.Checkpoint => (0, 24 * 60, true, true),
        _ => (7 * 60, (21 * 60) + 30, true, true),
    };

    private static string VenueName(VenueKind kind, AdministrativeUnit commune, int k, ref SimulationRandom random)
    {
        var place = commune.ShortName;
        string[] owners = ["Hoa", "Lan", "Minh", "Phúc", "Tâm", "Hùng", "Mai", "Sơn", "Thu", "Bình", "Hương", "Long"];
        var owner = owners[random.Next(owners.Length)];
        var number = k + 1;
        return kind switch
        {
            VenueKind.Market => $"Chợ {place}",
            VenueKind.Supermarket => $"Siêu thị {(random.Chance(0.5) ? "Co.op Food" : "Bách hóa Xanh")} {place}",
            VenueKind.School => $"Trường {(random.Next(3) switch { 0 => "Tiểu học", 1 => "THCS", _ => "THPT" })} {place}",
            VenueKind.Hospital => random.Chance(0.7) ? $"Trạm Y tế {place}" : $"Bệnh viện số {number}",
            VenueKind.Office => $"Công ty {(random.Chance(0.5) ? "TNHH" : "Cổ phần")} {owner} {number}",
            VenueKind.Factory => $"Nhà máy may {place} {number}",
            VenueKind.Restaurant => random.Chance(0.5) ? $"Quán cơm {owner}" : $"Quán cà phê {owner} {number}",
            VenueKind.PlaceOfWorship => random.Chance(0.7) ? $"Chùa {place}" : $"Nhà thờ {place}",
            VenueKind.Transport => $"Bến xe {place}",
            VenueKind.Checkpoint => $"Chốt kiểm soát {place}",
            _ => $"Cửa hàng tạp hóa {owner}",
        };
    }

    internal static double[] Cumulative(IReadOnlyList<double> weights)
    {
        var result = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            result[i] = sum;
        }

        return result;
    }

    /// <summary>The index whose cumulative weight first exceeds <paramref name="u"/> × total.</summary>
    internal static int Pick(double[] cumulative, double u)
    {
        var target = u * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, cumulative.Length - 1);
    }

    /// <summary>Venues of one kind, by popularity, overall and per commune.</summary>
    private sealed class VenuePicker
    {
        private readonly int[] _all;
        private readonly double[] _allCumulative;
        private readonly Dictionary<int, (int[] Venues, double[] Cumulative)> _byCommune = [];

        public VenuePicker(List<SimulatedVenue> venues)
        {
            _all = [.. venues.Select(v => v.Index)];
            _allCumulative = Cumulative([.. venues.Select(v => v.Popularity)]);
            foreach (var group in venues.GroupBy(v => v.CommuneCode))
            {
                _byCommune[group.Key] = ([.. group.Select(v => v.Index)], Cumulative([.. group.Select(v => v.Popularity)]));
            }
        }

        public int Pick(int homeCommuneCode, double nearby, ref SimulationRandom random)
        {
            if (random.Chance(nearby) && _byCommune.TryGetValue(homeCommuneCode, out var local))
            {
                return local.Venues[SyntheticProvince.Pick(local.Cumulative, random.NextDouble())];
            }

            return _all[SyntheticProvince.Pick(_allCumulative, random.NextDouble())];
        }
    }
}
