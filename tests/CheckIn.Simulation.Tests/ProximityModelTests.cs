using CheckIn.Tracing.Proximity;
using NodaTime;

namespace CheckIn.Simulation.Tests;

/// <summary>The Bluezone encounters the simulation makes: who, when, how close, with the noise of real phones.</summary>
public sealed class ProximityModelTests(SmallWorld world) : IClassFixture<SmallWorld>
{
    private IEnumerable<SimulatedEncounter> Encounters => world.Days.SelectMany(d => d.Encounters());

    [Fact]
    public void Encounters_OnlyBetweenBluezoneUsers_AtOneVenueTogether_OrAtHome()
    {
        var province = world.Province;
        var users = province.Residents.Where(r => r.RunsBluezone).Select(r => r.Index).ToHashSet();
        Assert.All(province.Residents, r => Assert.True(!r.RunsBluezone || r.HasSmartphone));
        var share = users.Count / (double)province.Residents.Count(r => r.HasSmartphone);
        Assert.InRange(share, 0.35, 0.45);

        var visits = world.Visits.ToLookup(v => (v.Resident, v.Venue));
        var encounters = Encounters.ToList();
        Assert.True(encounters.Count > 1000, $"{encounters.Count} encounters");
        Assert.All(encounters, e =>
        {
            Assert.True(e.Resident < e.Other && users.Contains(e.Resident) && users.Contains(e.Other));
            Assert.True(e.Duration >= Duration.FromMinutes(1));
            if (e.Venue < 0)
            {
                Assert.Equal(province.Resident(e.Resident).Household, province.Resident(e.Other).Household);
                return;
            }

            // Both were there for the whole encounter.
            bool There(int resident) => visits[(resident, e.Venue)].Any(v => v.Arrival <= e.Start && e.Start + e.Duration <= v.Departure);
            Assert.True(There(e.Resident) && There(e.Other), e.ToString());
        });
        Assert.Contains(encounters, e => e.Venue < 0);
        Assert.Contains(encounters, e => e.Venue >= 0);
    }

    [Fact]
    public void EveryInfectionAtAVenueBetweenUsers_IsACloseEncounter()
    {
        var province = world.Province;
        var byPair = Encounters.Where(e => e.Venue >= 0).ToLookup(e => (e.Resident, e.Other, e.Venue));
        var infections = world.Simulation.Infections
            .Where(i => i.Venue >= 0 && province.Resident(i.Resident).RunsBluezone && province.Resident(i.Infector).RunsBluezone)
            .ToList();
        Assert.NotEmpty(infections);
        Assert.All(infections, i =>
        {
            var logged = byPair[(Math.Min(i.Resident, i.Infector), Math.Max(i.Resident, i.Infector), i.Venue)].ToList();
            Assert.Contains(logged, e => e.TrueMetres <= 2 && e.Start <= i.At && i.At <= e.Start + e.Duration);
        });
    }

    [Fact]
    public void EstimatedDistance_NoisyButInformative()
    {
        // Log-normal shadowing: most encounters truly under a metre are classed close or near, most truly over 4 m
        // medium or far, and some of each land on the wrong side.
        var encounters = Encounters.ToList();
        var closest = encounters.Where(e => e.TrueMetres < 1).ToList();
        var farthest = encounters.Where(e => e.TrueMetres > 4).ToList();
        Assert.NotEmpty(closest);
        Assert.NotEmpty(farthest);
        var right = closest.Count(e => e.Distance is EncounterDistance.Close or EncounterDistance.Near) / (double)closest.Count;
        var rightFar = farthest.Count(e => e.Distance is EncounterDistance.Medium or EncounterDistance.Far) / (double)farthest.Count;
        Assert.InRange(right, 0.7, 0.99);
        Assert.InRange(rightFar, 0.7, 0.99);
        Assert.All(Enum.GetValues<EncounterDistance>(), d => Assert.Contains(encounters, e => e.Distance == d));
    }

    [Fact]
    public void Bluezone_ChangesNothingElse_AndTheSameSeedMakesTheSameEncounters()
    {
        var tiny = SimulationOptions.Default with { Residents = 2000, Days = 4, Seed = 5, Outbreak = OutbreakOptions.Default with { RatePerMinute = 0.002 } };
        static (List<SimulatedVisit> Visits, List<Infection> Infections, List<SimulatedEncounter> Encounters) Run(SimulationOptions options)
        {
            var simulation = new ProvinceSimulation(SyntheticProvince.Generate(options));
            var days = simulation.Run().ToList();
            return ([.. days.SelectMany(d => d.Visits)], [.. simulation.Infections], [.. days.SelectMany(d => d.Encounters())]);
        }

        var with = Run(tiny);
        var again = Run(tiny);
        var without = Run(tiny with { BluezoneShare = 0 });
        Assert.Equal(with.Visits, without.Visits);
        Assert.Equal(with.Infections, without.Infections);
        Assert.Empty(without.Encounters);
        Assert.NotEmpty(with.Encounters);
        Assert.Equal(with.Encounters, again.Encounters);
    }

    [Fact]
    public void Encounters_AsTheIndexTakesThem()
    {
        static CheckIn.Tracing.Privacy.PersonPseudonym Key(int resident) => RecordingIdentity.SyntheticPseudonym(resident, CheckIn.Tracing.Privacy.IdentifierKind.Opaque);
        var day = world.Days[0].Encounters();
        var index = EncounterIndex.Create(day.Select(e => e.ToEncounter(Key)));
        Assert.Equal(day.Count, index.Count);

        // Each encounter is found from both sides with its time, length and estimated class (not the true distance).
        foreach (var e in day.Take(200))
        {
            Assert.Contains(new Encounter(Key(e.Resident), Key(e.Other), e.Start, e.Duration, e.Distance), index.EncountersOf(Key(e.Resident)));
            Assert.Contains(new Encounter(Key(e.Other), Key(e.Resident), e.Start, e.Duration, e.Distance), index.EncountersOf(Key(e.Other)));
        }
    }
}
