using System.Text;
using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using NodaTime;
using NodaTime.Testing;

namespace CheckIn.Core.Tests.Payloads;

public sealed class CitizenCardPayloadTests
{
    private static readonly PayloadReaderOptions Options = new() { Clock = new FakeClock(Instant.FromUtc(2026, 11, 22, 0, 0)) };

    [Fact]
    public void Read_2021Card_AllFields()
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCard2021, Options).Value;
        Assert.Equal("001090123456", card.IdNumber.Value);
        Assert.Equal("012345678", card.OldIdNumber!.Value.Value);
        Assert.Equal("NGUYEN VAN A", card.FullName);
        Assert.Equal(new LocalDate(1990, 1, 1), card.DateOfBirth);
        Assert.Equal(Sex.Male, card.Sex);
        Assert.Equal("Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh", card.Address);
        Assert.Equal(new LocalDate(2021, 4, 15), card.IssueDate);
        Assert.Equal(CitizenCardLayout.ChipCard2021, card.Layout);
        Assert.Empty(card.ExtraFields);
        Assert.Equal(PayloadQuirks.None, card.Quirks);
    }

    [Fact]
    public void Read_2024Card_ElevenFieldsExtrasKept()
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCard2024, Options).Value;
        Assert.Equal(CitizenCardLayout.IdentityCard2024, card.Layout);
        Assert.Equal(Sex.Female, card.Sex);
        Assert.Equal(["", "", "", ""], card.ExtraFields);
        Assert.Equal("Trần Thị B", card.FullName);
    }

    [Fact]
    public void Read_2024CardWithFilledExtras_KeptVerbatim()
    {
        var text = "079301000456|025123456|Trần Thị B|15062001|Nữ|56 Đường C|04102024|012345679| Trần Văn X |Lê Thị Y|";
        var card = CitizenCardPayload.Read(text, Options).Value;
        Assert.Equal(["012345679", " Trần Văn X ", "Lê Thị Y", ""], card.ExtraFields);
        Assert.Equal(text, card.ToText());
    }

    [Fact]
    public void Read_EmptyOldId_Null()
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCardNoOldId, Options).Value;
        Assert.Null(card.OldIdNumber);
    }

    [Theory]
    [InlineData("\r\n", PayloadQuirks.TrailingLineBreak)]
    [InlineData("\n", PayloadQuirks.TrailingLineBreak)]
    [InlineData("\r", PayloadQuirks.TrailingLineBreak)]
    public void Read_ScannerLineBreak_StrippedAndReported(string suffix, PayloadQuirks quirk)
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCard2021 + suffix, Options).Value;
        Assert.Equal(quirk, card.Quirks);
        Assert.Equal("NGUYEN VAN A", card.FullName);
    }

    [Fact]
    public void Read_ByteOrderMark_StrippedPositionsStillOriginal()
    {
        var result = CitizenCardPayload.Read("\uFEFF001090123456|012345678|X|32011990|Nam|A|15042021", Options);
        Assert.Equal("CitizenCard.DateOfBirth", result.Error.Code);
        Assert.Equal(3, result.Error.Field);
        Assert.Equal(1 + 25, result.Error.Position);
        Assert.Equal(PayloadQuirks.ByteOrderMark, CitizenCardPayload.Read("\uFEFF" + Samples.CitizenCard2021, Options).Value.Quirks);
    }

    [Fact]
    public void Read_DecomposedName_NormalizedToNfcAndReported()
    {
        var nfd = Samples.CitizenCard2024.Normalize(NormalizationForm.FormD);
        var card = CitizenCardPayload.Read(nfd, Options).Value;
        Assert.Equal("Trần Thị B", card.FullName);
        Assert.Equal(Sex.Female, card.Sex);
        Assert.True(card.Quirks.HasFlag(PayloadQuirks.DecomposedText));
    }

    [Fact]
    public void Read_Utf8DecodedAsWindows1252_Repaired()
    {
        var mojibake = Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(Samples.CitizenCard2024));
        var windows1252 = new string(mojibake.Select(c => c switch { '\u0085' => '\u2026', '\u0099' => '\u2122', _ => c }).ToArray());
        foreach (var scanned in new[] { mojibake, windows1252 })
        {
            var card = CitizenCardPayload.Read(scanned, Options).Value;
            Assert.Equal("Trần Thị B", card.FullName);
            Assert.True(card.Quirks.HasFlag(PayloadQuirks.MojibakeRepaired));
        }
    }

    [Theory]
    [InlineData("N?")]
    [InlineData("N\uFFFD")]
    [InlineData("N\u00C6")]
    public void Read_MangledNu_InferredFemale(string sex)
    {
        var text = Samples.CitizenCard2024.Replace("Nữ", sex, StringComparison.Ordinal);
        var card = CitizenCardPayload.Read(text, Options).Value;
        Assert.Equal(Sex.Female, card.Sex);
        Assert.True(card.Quirks.HasFlag(PayloadQuirks.SexInferred));
    }

    [Theory]
    [InlineData("NAM", Sex.Male)]
    [InlineData("nam", Sex.Male)]
    [InlineData("NỮ", Sex.Female)]
    [InlineData("Nu", Sex.Female)]
    public void Read_SexSpellings_Accepted(string spelling, Sex expected)
    {
        var text = expected == Sex.Male
            ? Samples.CitizenCard2021.Replace("|Nam|", "|" + spelling + "|", StringComparison.Ordinal)
            : Samples.CitizenCard2024.Replace("|Nữ|", "|" + spelling + "|", StringComparison.Ordinal);
        Assert.Equal(expected, CitizenCardPayload.Read(text, Options).Value.Sex);
    }

    [Theory]
    [InlineData("001090123456|012345678|A|01011990|Nam|X", "CitizenCard.FieldCount", -1, 0)]
    [InlineData("001090123456|012345678|A|01011990|Nam|X|15042021|", "CitizenCard.FieldCount", -1, 0)]
    [InlineData("00109012345X|012345678|A|01011990|Nam|X|15042021", "CitizenCard.IdNumber", 0, 0)]
    [InlineData("001090123456|01234567|A|01011990|Nam|X|15042021", "CitizenCard.OldIdNumber", 1, 13)]
    [InlineData("001090123456|012345678| |01011990|Nam|X|15042021", "CitizenCard.Name", 2, 23)]
    [InlineData("001090123456|012345678|A|31021990|Nam|X|15042021", "CitizenCard.DateOfBirth", 3, 25)]
    [InlineData("001090123456|012345678|A|1990-01-01|Nam|X|15042021", "CitizenCard.DateOfBirth", 3, 25)]
    [InlineData("001090123456|012345678|A|01011990|Male|X|15042021", "CitizenCard.Sex", 4, 34)]
    [InlineData("001090123456|012345678|A|01011990|Nam|X|15132021", "CitizenCard.IssueDate", 6, 40)]
    [InlineData("001090123456|012345678|A|01011990|Nam|X|15041989", "CitizenCard.IssueBeforeBirth", 6, 40)]
    [InlineData("001090123456|012345678|A|01011991|Nam|X|15042021", "CitizenCard.IdBirthYearMismatch", 0, 0)]
    [InlineData("001090123456|012345678|A|01011990|Nữ|X|15042021", "CitizenCard.IdSexMismatch", 4, 34)]
    [InlineData("001090123456|012345678|A|01011990|Nam|X|15042027", "CitizenCard.DateInFuture", 6, 40)]
    [InlineData("001227123456|012345678|A|01012027|Nam|X|15042027", "CitizenCard.DateInFuture", 3, 25)]
    public void Read_Invalid_CodeFieldAndPosition(string text, string code, int field, int position)
    {
        var error = CitizenCardPayload.Read(text, Options).Error;
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void Read_FutureTolerance_OneDayAccepted()
    {
        var options = Options with { Clock = new FakeClock(Instant.FromUtc(2021, 4, 14, 0, 0)) };
        Assert.True(CitizenCardPayload.Read(Samples.CitizenCard2021, options).Success);
        Assert.Equal("CitizenCard.DateInFuture", CitizenCardPayload.Read(Samples.CitizenCard2021, options with { FutureToleranceDays = 0 }).Error.Code);
    }

    [Theory]
    [InlineData(Samples.CitizenCard2021)]
    [InlineData(Samples.CitizenCard2024)]
    [InlineData(Samples.CitizenCardNoOldId)]
    public void ToText_RealShapes_WrittenBackExactly(string text) =>
        Assert.Equal(text, CitizenCardPayload.Read(text, Options).Value.ToText());

    [Fact]
    public void Constructor_InconsistentValues_Throw()
    {
        var id = CitizenId.Parse("001090123456");
        var dob = new LocalDate(1990, 1, 1);
        var issued = new LocalDate(2021, 4, 15);
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A|B", dob, Sex.Male, "", issued));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, " ", dob, Sex.Male, "", issued));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob, Sex.Female, "", issued));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob.PlusYears(1), Sex.Male, "", issued));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob, Sex.Male, "", dob.PlusDays(-1)));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob, Sex.Male, "a\nb", issued));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob, Sex.Male, "", issued, new EquatableArray<string>(["x"])));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "A", dob, Sex.Male, "", issued, new EquatableArray<string>(["", "", "|", ""])));
        Assert.Throws<ArgumentException>(() => new CitizenCardPayload(id, null, "Tra\u0300n", dob, Sex.Male, "", issued));
    }

    [OptimizedBuildFact]
    public void Read_AllocatesNoMoreThanTheResult()
    {
        const int Reads = 2_000;
        for (var i = 0; i < Reads; i++)
        {
            CitizenCardPayload.Read(Samples.CitizenCard2021, Options);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        CitizenCardPayload? last = null;
        for (var i = 0; i < Reads; i++)
        {
            last = CitizenCardPayload.Read(Samples.CitizenCard2021, Options).Value;
        }

        var perRead = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Reads;
        // The result: the payload object (under 128 bytes) and its two strings (header 22 bytes + 2 per char).
        var result = 128 + (22 + (2 * last!.FullName.Length)) + (22 + (2 * last.Address.Length));
        Assert.True(perRead <= result, $"{perRead} bytes per read; the result itself is at most {result}");
    }

    [Fact]
    public void ToString_MasksPersonalData()
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCard2024, Options).Value;
        var text = card.ToString();
        Assert.DoesNotContain("079301000456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Trần Thị B", text, StringComparison.Ordinal);
        Assert.DoesNotContain("025123456", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Cần Thơ", text, StringComparison.Ordinal);
        Assert.Contains("**********56", text, StringComparison.Ordinal);
        Assert.StartsWith("CitizenCard {", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetFields_Reveal_ShowsFullValues()
    {
        var card = CitizenCardPayload.Read(Samples.CitizenCard2024, Options).Value;
        var fields = card.GetFields(reveal: true).ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal("079301000456", fields["idNumber"]);
        Assert.Equal("Trần Thị B", fields["fullName"]);
        Assert.Equal("2001-06-15", fields["dateOfBirth"]);
        Assert.Equal("IdentityCard2024", fields["layout"]);
    }
}
