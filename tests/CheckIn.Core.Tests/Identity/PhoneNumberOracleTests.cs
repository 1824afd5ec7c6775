using System.Globalization;
using PhoneNumbers;
using Xunit.Abstractions;
using LibPhone = PhoneNumbers.PhoneNumberUtil;

namespace CheckIn.Core.Tests.Identity;

/// <summary>
/// libphonenumber (Google's metadata, through libphonenumber-csharp) as a test oracle for <see cref="Core.Identity.PhoneNumber"/>:
/// every Vietnamese number it calls valid, CheckIn reads with the same kind, except where this class says why not.
/// </summary>
public sealed class PhoneNumberOracleTests(ITestOutputHelper output)
{
    private static readonly LibPhone Oracle = LibPhone.GetInstance();

    /// <summary>Every national prefix of three digits, each with numbers of every length a Vietnamese number can have.</summary>
    private static IEnumerable<string> Candidates()
    {
        var random = new Random(84);
        for (var prefix = 100; prefix <= 999; prefix++)
        {
            foreach (var length in new[] { 8, 9, 10 })
            {
                for (var k = 0; k < 3; k++)
                {
                    var rest = length - 3;
                    var tail = random.NextInt64(0, (long)Math.Pow(10, rest)).ToString("D" + rest.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
                    yield return "0" + prefix.ToString(CultureInfo.InvariantCulture) + tail;
                }
            }
        }
    }

    [Fact]
    public void EveryNumberTheOracleAccepts_WeAcceptWithTheSameKind()
    {
        var disagreements = new List<string>();
        var accepted = 0;
        foreach (var text in Candidates())
        {
            var theirs = Oracle.Parse(text, "VN");
            if (!Oracle.IsValidNumberForRegion(theirs, "VN"))
            {
                continue;
            }

            accepted++;
            var type = Oracle.GetNumberType(theirs);
            var ours = Core.Identity.PhoneNumber.Read(text);
            if (!ours.TryGetValue(out var number))
            {
                if (!IsKnownDifference(text, type))
                {
                    disagreements.Add($"{text} ({type}): we refuse it with {ours.Error.Code}");
                }

                continue;
            }

            var expected = type == PhoneNumberType.MOBILE ? Core.Identity.PhoneKind.Mobile : Core.Identity.PhoneKind.Landline;
            if (number.Kind != expected && type is PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE)
            {
                disagreements.Add($"{text} ({type}): we read it as {number.Kind}");
            }

            Assert.Equal(Oracle.Format(theirs, PhoneNumberFormat.E164), number.E164);
        }

        output.WriteLine($"{accepted} numbers valid for libphonenumber; {disagreements.Count} unexplained disagreements");
        Assert.True(accepted > 500, $"only {accepted} candidates were valid: the oracle check proves little");
        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(40)));
    }

    [Fact]
    public void EveryNumberWeAccept_TheOracleAcceptsOrThisSaysWhy()
    {
        var disagreements = new List<string>();
        foreach (var text in Candidates())
        {
            if (!Core.Identity.PhoneNumber.TryParse(text, out var number))
            {
                continue;
            }

            var theirs = Oracle.Parse(number.E164, "VN");
            if (!Oracle.IsValidNumberForRegion(theirs, "VN") && !number.WasConverted)
            {
                disagreements.Add($"{text}: we accept it, libphonenumber does not");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements.Take(40)));
    }

    /// <summary>
    /// Service numbers (toll-free 1800, premium-rate 1900, VoIP 672, UAN 69x and 1x99) are valid numbers but nobody's
    /// personal phone: CheckIn refuses them where a person's phone is asked for (declarations, paper logs).
    /// </summary>
    private static bool IsKnownDifference(string text, PhoneNumberType type) =>
        type is not (PhoneNumberType.MOBILE or PhoneNumberType.FIXED_LINE or PhoneNumberType.FIXED_LINE_OR_MOBILE) && text.Length > 0;
}
