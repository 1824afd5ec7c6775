using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Tests.Privacy;

public sealed class PseudonymTableTests
{
    private static readonly PersonPseudonymizer Pseudonymizer = new("pseudonym-table-test-key-of-32-bytes"u8);

    [Fact]
    public void Pseudonymize_SameAsPseudonymizer_FirstSpellingKept()
    {
        var table = new PseudonymTable(Pseudonymizer);
        var first = table.Pseudonymize("Nguyễn An");
        Assert.Equal(Pseudonymizer.Pseudonymize("Nguyễn An"), first);
        Assert.Equal(first, table.Pseudonymize("  NGUYỄN AN "));
        Assert.Equal(1, table.Count);
        Assert.Equal("Nguyễn An", table.IdentifierOf(first));
        Assert.True(table.TryGetIdentifier(first, out var name));
        Assert.Equal("Nguyễn An", name);
    }

    [Fact]
    public void IdentifierOf_Unknown_IsThePseudonymText()
    {
        var table = new PseudonymTable(Pseudonymizer);
        var stranger = Pseudonymizer.Pseudonymize("079301000456");
        Assert.False(table.TryGetIdentifier(stranger, out _));
        Assert.Equal(stranger.ToString(), table.IdentifierOf(stranger));
    }

    [Fact]
    public void Pseudonymize_Blank_Throws() =>
        Assert.Throws<ArgumentException>(() => new PseudonymTable(Pseudonymizer).Pseudonymize("  "));
}
