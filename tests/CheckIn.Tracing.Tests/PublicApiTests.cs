using CheckIn.Testing;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Snapshot_MatchesCheckedInFile()
    {
        var assembly = typeof(PersonPseudonymizer).Assembly;
        var problem = PublicApiSnapshot.Verify(assembly, RepositoryRoot.Combine("src", "CheckIn.Tracing", "PublicApi.txt"));
        Assert.True(problem is null, problem);
    }
}
