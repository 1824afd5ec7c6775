using System.Security.Cryptography;
using System.Text;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Tests.Privacy;

public sealed class PersonPseudonymizerTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("test-deployment-key-0123456789-abcdef");

    [Fact]
    public void Pseudonymize_KnownInput_EqualsTruncatedHmacSha256()
    {
        var pseudonym = new PersonPseudonymizer(Key).Pseudonymize("001090123456");
        // One byte for the kind (0: opaque), then the canonical text.
        var expected = HMACSHA256.HashData(Key, (byte[])[0, .. Encoding.UTF8.GetBytes("001090123456")])[..16];
        Span<byte> actual = stackalloc byte[16];
        pseudonym.WriteBytes(actual);
        Assert.Equal(expected, actual.ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected), pseudonym.ToString());
    }

    [Fact]
    public void Pseudonymize_CaseAndSpacingVariants_SamePseudonym()
    {
        var pseudonymizer = new PersonPseudonymizer(Key);
        Assert.Equal(pseudonymizer.Pseudonymize("hs4010120878811"), pseudonymizer.Pseudonymize(" HS4010120878811 "));
    }

    [Fact]
    public void Pseudonymize_DifferentKeys_DifferentPseudonyms()
    {
        var a = new PersonPseudonymizer(Key).Pseudonymize("001090123456");
        var b = new PersonPseudonymizer(Encoding.ASCII.GetBytes("another-deployment-key-98765-zyxwvu")).Pseudonymize("001090123456");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Pseudonymize_Output_DoesNotContainIdentifier()
    {
        var text = new PersonPseudonymizer(Key).Pseudonymize("001090123456").ToString();
        Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
        Assert.Equal(32, text.Length);
    }

    /// <summary>Regression: a 16-byte key, or 32 zero bytes, was accepted.</summary>
    [Theory]
    [InlineData(8, -1)]
    [InlineData(16, -1)]
    [InlineData(31, -1)]
    [InlineData(32, 0)]
    [InlineData(64, 0x41)]
    public void Constructor_WeakKey_Throws(int length, int fill)
    {
        var key = fill < 0 ? RandomNumberGenerator.GetBytes(length) : Enumerable.Repeat((byte)fill, length).ToArray();
        Assert.Throws<ArgumentException>(() => new PersonPseudonymizer(key));
        Assert.Throws<ArgumentException>(() => new PseudonymRekeyer(key));
    }

    [Fact]
    public void Constructor_RandomKey32_Accepted() => Assert.NotEqual(default, new PersonPseudonymizer(RandomNumberGenerator.GetBytes(32)).Pseudonymize("x"));

    /// <summary>Regression: a phone and a health-insurance (or ID) number with the same characters were one person.</summary>
    [Fact]
    public void Pseudonymize_KindsAreSeparateNamespaces()
    {
        var pseudonymizer = new PersonPseudonymizer(Key);
        var kinds = Enum.GetValues<IdentifierKind>();
        var pseudonyms = kinds.Select(kind => pseudonymizer.Pseudonymize(kind, "0912345678")).ToList();
        Assert.Equal(kinds.Length, pseudonyms.Distinct().Count());
        Assert.Equal(pseudonymizer.Pseudonymize("0912345678"), pseudonymizer.Pseudonymize(IdentifierKind.Opaque, "0912345678"));
        Assert.Throws<ArgumentException>(() => pseudonymizer.Pseudonymize((IdentifierKind)99, "0912345678"));
    }

    [Theory]
    [InlineData(IdentifierKind.Phone, "0912 345 678", "+84912345678")]
    [InlineData(IdentifierKind.Phone, "0912.345.678", "84912345678")]
    [InlineData(IdentifierKind.CitizenId, "079 301 000 456", "079301000456")]
    [InlineData(IdentifierKind.HealthInsurance, "dn4797915123456", "DN4797915123456")]
    [InlineData(IdentifierKind.Opaque, "Ｖ1\u200B", "v1")]
    public void Pseudonymize_SpellingsOfOneIdentifier_SamePseudonym(IdentifierKind kind, string a, string b)
    {
        var pseudonymizer = new PersonPseudonymizer(Key);
        Assert.Equal(pseudonymizer.Pseudonymize(kind, a), pseudonymizer.Pseudonymize(kind, b));
    }

    [Fact]
    public void Rekey_ChainedPseudonymizer_MatchesTheRekeyedIndex()
    {
        var pseudonymizer = new PersonPseudonymizer(Key);
        var rekeyer = new PseudonymRekeyer(RandomNumberGenerator.GetBytes(32));
        var old = pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "079301000456");
        var chained = pseudonymizer.ThenRekeyed(rekeyer);
        Assert.Equal(rekeyer.Rekey(old), chained.Pseudonymize(IdentifierKind.CitizenId, "079301000456"));
        Assert.NotEqual(old, rekeyer.Rekey(old));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Pseudonymize_Blank_Throws(string identifier)
    {
        Assert.Throws<ArgumentException>(() => new PersonPseudonymizer(Key).Pseudonymize(identifier));
    }

    [Fact]
    public void FromBytes_RoundTrip_Equal()
    {
        var bytes = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
        var pseudonym = PersonPseudonym.FromBytes(bytes);
        var written = new byte[16];
        pseudonym.WriteBytes(written);
        Assert.Equal(bytes, written);
    }
}
