using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Proximity;
using NodaTime;

namespace CheckIn.Simulation;

/// <summary>
/// A Bluetooth encounter two residents' Bluezone phones logged: when, for how long, how far apart they truly were and
/// the distance class the phones estimated from signal strength (with the noise of real phones).
/// </summary>
/// <param name="Resident">One resident (the smaller index).</param>
/// <param name="Other">The other.</param>
/// <param name="Venue">The venue they were at, or −1 at home.</param>
/// <param name="Start">When the phones first saw each other.</param>
/// <param name="Duration">How long they stayed in range.</param>
/// <param name="TrueMetres">How far apart they truly were (the ground truth; phones do not know it).</param>
/// <param name="Distance">The class the phones estimated, as Bluezone would record it.</param>
public readonly record struct SimulatedEncounter(int Resident, int Other, int Venue, Instant Start, Duration Duration, double TrueMetres, EncounterDistance Distance)
{
    /// <summary>The encounter as the index takes it.</summary>
    /// <param name="personOf">The pseudonym of a resident.</param>
    /// <returns>The encounter.</returns>
    public Encounter ToEncounter(Func<int, PersonPseudonym> personOf)
    {
        ArgumentNullException.ThrowIfNull(personOf);
        return new Encounter(personOf(Resident), personOf(Other), Start, Duration, Distance);
    }
}

/// <summary>
/// How Bluezone phones log each other, over one simulated day (docs/simulation.md, "Proximity"). At each venue, every
/// two Bluezone users there at the same time: a pair the outbreak infected there was close; any other pair is close with
/// the probability that keeps the share of close pairs at the outbreak's close share s = min(1, CloseContacts / (others
/// there)), given that it caused no infection; a pair not close is still in range (2–10 m) with probability
/// min(1, 2 × CloseContacts / others). Close pairs are 0.5–2 m apart. At home, each household's Bluezone users are
/// together from 19:00 to 22:00, 0.5–3 m apart. The phones estimate the distance from the received signal: the true
/// distance times exp(N(0, 0.69)) (log-normal shadowing of 6 dB at a path-loss exponent of 2), classed by
/// <see cref="EncounterDistances.FromMetres"/>. Every draw comes from a stream of the venue's or household's own, so the
/// encounters change nothing else in the world.
/// </summary>
internal static class ProximityModel
{
    /// <summary>Where a resident stands in the outbreak at a minute.</summary>
    public enum InfectionState
    {
        Susceptible,
        Latent,
        Infectious,
    }

    private const double ShadowingSigma = 0.69; // ln(10) × 6 dB / (10 × 2)
    private const int DefaultCloseContacts = 8;

    public static List<SimulatedEncounter> Generate(SyntheticProvince province, int day, IReadOnlyList<SimulatedVisit> visits, IReadOnlyList<Infection> infections,
        Func<int, int, InfectionState>? stateAt, CancellationToken cancellationToken)
    {
        var options = province.Options;
        var encounters = new List<SimulatedEncounter>();
        if (options.BluezoneShare <= 0)
        {
            return encounters;
        }

        var outbreak = options.Outbreak;
        var closeContacts = outbreak?.CloseContacts ?? DefaultCloseContacts;
        var start = province.StartInstant;
        var counts = new int[province.Venues.Count];
        var users = new Dictionary<int, List<SimulatedVisit>>();
        foreach (var visit in visits)
        {
            counts[visit.Venue]++;
            if (province.RunsBluezone(visit.Resident))
            {
                if (!users.TryGetValue(visit.Venue, out var list))
                {
                    users[visit.Venue] = list = [];
                }

                list.Add(visit);
            }
        }

        var infected = new HashSet<(int, int, int)>();
        foreach (var infection in infections)
        {
            if (infection.Infector >= 0)
            {
                infected.Add((Math.Min(infection.Resident, infection.Infector), Math.Max(infection.Resident, infection.Infector), infection.Venue));
            }
        }

        int Minute(Instant at) => (int)(at - start).TotalMinutes;
        foreach (var venue in users.Keys.Order())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var here = users[venue];
            here.Sort((a, b) => a.Arrival != b.Arrival ? a.Arrival.CompareTo(b.Arrival) : a.Resident.CompareTo(b.Resident));
            var others = Math.Max(1, counts[venue] - 1);
            var closeShare = Math.Min(1.0, closeContacts / (double)others);
            var rangeShare = Math.Min(1.0, 2.0 * closeContacts / others);
            var random = SimulationRandom.For(options.Seed, 13, day, venue);
            for (var i = 0; i < here.Count; i++)
            {
                var a = here[i];
                for (var j = i + 1; j < here.Count && here[j].Arrival < a.Departure; j++)
                {
                    var b = here[j];
                    if (a.Resident == b.Resident)
                    {
                        continue;
                    }

                    var from = Minute(b.Arrival);
                    var until = Minute(a.Departure < b.Departure ? a.Departure : b.Departure);
                    if (until <= from)
                    {
                        continue;
                    }

                    var (low, high) = a.Resident < b.Resident ? (a.Resident, b.Resident) : (b.Resident, a.Resident);
                    bool close;
                    if (infected.Contains((low, high, venue)))
                    {
                        close = true;
                    }
                    else
                    {
                        // Given no infection, a pair that could have infected is a little less likely to have been close.
                        var (sa, sb) = stateAt is null ? (InfectionState.Susceptible, InfectionState.Susceptible) : (stateAt(a.Resident, from), stateAt(b.Resident, from));
                        var atRisk = outbreak is not null && ((sa, sb) is (InfectionState.Infectious, InfectionState.Susceptible) or (InfectionState.Susceptible, InfectionState.Infectious));
                        var q = atRisk ? 1 - Math.Exp(-outbreak!.RatePerMinute * closeShare * (until - from)) : 0;
                        close = random.NextDouble() < Math.Max(0, (closeShare - q) / (1 - q));
                    }

                    double metres;
                    if (close)
                    {
                        metres = 0.5 + (1.5 * random.NextDouble());
                    }
                    else if (random.Chance(rangeShare))
                    {
                        metres = 2 + (8 * random.NextDouble());
                    }
                    else
                    {
                        continue;
                    }

                    encounters.Add(Make(low, high, venue, start + Duration.FromMinutes(from), Duration.FromMinutes(until - from), metres, ref random));
                }
            }
        }

        AtHome(province, day, encounters, cancellationToken);
        return encounters;
    }

    private static void AtHome(SyntheticProvince province, int day, List<SimulatedEncounter> encounters, CancellationToken cancellationToken)
    {
        var evening = province.StartInstant + Duration.FromDays(day) + Duration.FromHours(19);
        var members = new List<int>();
        for (var head = 0; head < province.ResidentCount;)
        {
            if ((head & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var end = province.HouseholdEnd(head);
            members.Clear();
            for (var member = head; member < end; member++)
            {
                if (province.RunsBluezone(member))
                {
                    members.Add(member);
                }
            }

            if (members.Count > 1)
            {
                var random = SimulationRandom.For(province.Options.Seed, 14, day, head);
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        encounters.Add(Make(members[i], members[j], -1, evening, Duration.FromHours(3), 0.5 + (2.5 * random.NextDouble()), ref random));
                    }
                }
            }

            head = end;
        }
    }

    private static SimulatedEncounter Make(int resident, int other, int venue, Instant start, Duration duration, double metres, ref SimulationRandom random)
    {
        var estimated = metres * Math.Exp(ShadowingSigma * random.NextGaussian());
        return new SimulatedEncounter(resident, other, venue, start, duration, metres, EncounterDistances.FromMetres(estimated));
    }
}
