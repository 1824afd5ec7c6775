using System.Security.Cryptography;
using System.Text;
using CheckIn.Tracing.Privacy;

namespace CheckIn.Tracing.Tests.Privacy;

public sealed class PersonPseudonymizerTests
{
    private static readonly byte[] Key = Encoding.ASCII.GetBytes("test-deployment-key-0123456789");

    [Fact]
    public void Pseudonymize_KnownInput_EqualsTruncatedHmacSha256()
    {
        var pseudonym = new PersonPseudonymizer(Key).Pseudonymize("001090123456");
        var expected = HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes("001090123456"))[..16];
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
        var b = new PersonPseudonymizer(Encoding.ASCII.GetBytes("another-deployment-key-98765")).Pseudonymize("001090123456");
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Pseudonymize_Output_DoesNotContainIdentifier()
    {
        var text = new PersonPseudonymizer(Key).Pseudonymize("001090123456").ToString();
        Assert.DoesNotContain("123456", text, StringComparison.Ordinal);
        Assert.Equal(32, text.Length);
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PersonPseudonymizer(new byte[8]));
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
