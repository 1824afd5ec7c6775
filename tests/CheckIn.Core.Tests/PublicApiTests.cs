using CheckIn.Core.Text;
using CheckIn.Testing;

namespace CheckIn.Core.Tests;

public sealed class PublicApiTests
{
    [Fact]
    public void PublicApi_Snapshot_MatchesCheckedInFile()
    {
        var assembly = typeof(VietnameseText).Assembly;
        var problem = PublicApiSnapshot.Verify(assembly, RepositoryRoot.Combine("src", "CheckIn.Core", "PublicApi.txt"));
        Assert.True(problem is null, problem);
    }
}
