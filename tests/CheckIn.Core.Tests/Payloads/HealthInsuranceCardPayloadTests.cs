using CheckIn.Core.Identity;
using CheckIn.Core.Payloads;
using CheckIn.Core.Tests.Support;
using NodaTime;

namespace CheckIn.Core.Tests.Payloads;

public sealed class HealthInsuranceCardPayloadTests
{
    [Fact]
    public void Read_15FieldLayout_AllFields()
    {
        var card = HealthInsuranceCardPayload.Read(Samples.HealthInsurance15).Value;
        Assert.Equal("HS4010120878811", card.CardNumber.Value);
        Assert.Equal("Nguyễn Văn An", card.FullName);
        Assert.Equal(BirthDate.FromDate(new LocalDate(2008, 8, 15)), card.DateOfBirth);
        Assert.Equal(Sex.Male, card.Sex);
        Assert.Equal("Xã Phú Thượng, Huyện Phú Vang, Tỉnh Thừa Thiên Huế", card.Address);
        Assert.Equal(46, card.Clinic.ProvinceCode);
        Assert.Equal("123", card.Clinic.FacilityCode);
        Assert.Equal("46123", card.Clinic.NationalCode);
        Assert.Equal(new LocalDate(2021, 1, 1), card.ValidFrom);
        Assert.Equal(new LocalDate(2021, 12, 31), card.ValidTo);
        Assert.Equal("46010120878811", card.ManagementCode);
        Assert.Equal("Nguyễn Văn Bình", card.ParentName);
        Assert.Equal(LivingArea.None, card.LivingArea);
        Assert.Null(card.FiveYearsContinuousFrom);
        Assert.Equal("a1b2c3d4e5f60718-1234", card.CheckString);
        Assert.Equal(HealthInsuranceCardLayout.Fields15, card.Layout);
        Assert.Null(card.LayoutMarker);
        Assert.Equal(PayloadQuirks.None, card.Quirks);
    }

    [Fact]
    public void Read_17FieldLayout_YearOnlyBirthOpenEndedLeadingSpace()
    {
        var card = HealthInsuranceCardPayload.Read(Samples.HealthInsurance17).Value;
        Assert.False(card.CardNumber.IsCardCode);
        Assert.Equal(BirthDate.FromYear(1975), card.DateOfBirth);
        Assert.Equal(Sex.Female, card.Sex);
        Assert.Null(card.Address);
        Assert.Null(card.ValidTo);
        Assert.Null(card.ParentName);
        Assert.Equal(LivingArea.K1, card.LivingArea);
        Assert.Equal(new LocalDate(2015, 1, 1), card.FiveYearsContinuousFrom);
        Assert.Equal(HealthInsuranceCardLayout.Fields17, card.Layout);
        Assert.Equal("4", card.LayoutMarker);
        Assert.Equal("Bảo hiểm xã hội Thành phố Hồ Chí Minh", card.IssuingOffice);
        Assert.Equal(PayloadQuirks.LeadingSpaceInDate | PayloadQuirks.ClinicVariant, card.Quirks);
        Assert.True(card.IsValidOn(new LocalDate(2030, 1, 1)));
        Assert.False(card.IsValidOn(new LocalDate(2021, 12, 31)));
    }

    [Theory]
    [InlineData("79 - 017", "017")]
    [InlineData("79-017", "017")]
    [InlineData("79 – 017", "017")]
    [InlineData("79 -017", "017")]
    [InlineData("79 - 01234", "01234")]
    public void Read_ClinicVariants_Parsed(string clinic, string facility)
    {
        var text = Samples.HealthInsurance17.Replace("79-017", clinic, StringComparison.Ordinal);
        var card = HealthInsuranceCardPayload.Read(text).Value;
        Assert.Equal(79, card.Clinic.ProvinceCode);
        Assert.Equal(facility, card.Clinic.FacilityCode);
        Assert.Equal(clinic != "79 - 017" && clinic != "79 - 01234", card.Quirks.HasFlag(PayloadQuirks.ClinicVariant));
    }

    [Fact]
    public void Read_NameNotHex_RawTextKeptAndReported()
    {
        var text = Samples.HealthInsurance15.Replace(Samples.Hex("Nguyễn Văn An"), "NGUYEN VAN AN", StringComparison.Ordinal);
        var card = HealthInsuranceCardPayload.Read(text).Value;
        Assert.Equal("NGUYEN VAN AN", card.FullName);
        Assert.True(card.Quirks.HasFlag(PayloadQuirks.TextFieldNotHex));
    }

    [Fact]
    public void Read_HexThatDecodesToControlCharacters_TreatedAsRawText()
    {
        // "1234" is valid hex but decodes to control characters: it is a raw value, not hex text.
        var text = Samples.HealthInsurance15.Replace(Samples.Hex("Nguyễn Văn An"), "1234", StringComparison.Ordinal);
        var card = HealthInsuranceCardPayload.Read(text).Value;
        Assert.Equal("1234", card.FullName);
        Assert.True(card.Quirks.HasFlag(PayloadQuirks.TextFieldNotHex));
    }

    [Fact]
    public void Read_UpperCaseHex_DecodedAndReported()
    {
        var text = Samples.HealthInsurance15.Replace(Samples.Hex("Nguyễn Văn An"), Samples.Hex("Nguyễn Văn An").ToUpperInvariant(), StringComparison.Ordinal);
        var card = HealthInsuranceCardPayload.Read(text).Value;
        Assert.Equal("Nguyễn Văn An", card.FullName);
        Assert.True(card.Quirks.HasFlag(PayloadQuirks.UpperCaseHex));
    }

    [Theory]
    [InlineData(14, "$", "x", "HealthInsuranceCard.Terminator", 14)]
    [InlineData(0, "HS4010120878811", "HS401012087881", "HealthInsuranceCard.CardNumber", 0)]
    [InlineData(2, "15/08/2008", "2008-08-15", "HealthInsuranceCard.DateOfBirth", 2)]
    [InlineData(2, "15/08/2008", "31/02/2008", "HealthInsuranceCard.DateOfBirth", 2)]
    [InlineData(3, "1", "3", "HealthInsuranceCard.Sex", 3)]
    [InlineData(5, "46 - 123", "46 / 123", "HealthInsuranceCard.Clinic", 5)]
    [InlineData(6, "01/01/2021", "1/1/2021", "HealthInsuranceCard.ValidFrom", 6)]
    [InlineData(7, "31/12/2021", "31/12/21", "HealthInsuranceCard.ValidTo", 7)]
    [InlineData(7, "31/12/2021", "31/12/2020", "HealthInsuranceCard.ValidityPeriod", 7)]
    [InlineData(8, "01/01/2021", "00/01/2021", "HealthInsuranceCard.IssueDate", 8)]
    [InlineData(8, "01/01/2021", "01/01/2007", "HealthInsuranceCard.IssueBeforeBirth", 8)]
    [InlineData(9, "46010120878811", "4601012087881", "HealthInsuranceCard.ManagementCode", 9)]
    [InlineData(9, "46010120878811", "46010120878812", "HealthInsuranceCard.ManagementCodeMismatch", 9)]
    [InlineData(11, "4", "8", "HealthInsuranceCard.LivingArea", 11)]
    [InlineData(12, "-", "2015", "HealthInsuranceCard.FiveYearsFrom", 12)]
    public void Read_InvalidField_CodeAndField(int field, string original, string replacement, string code, int expectedField)
    {
        var fields = Samples.HealthInsurance15.Split('|');
        Assert.Equal(original, fields[field]);
        fields[field] = replacement;
        var text = string.Join('|', fields);
        var error = HealthInsuranceCardPayload.Read(text).Error;
        Assert.Equal(code, error.Code);
        Assert.Equal(expectedField, error.Field);
        Assert.Equal(text.Split('|').Take(expectedField).Sum(f => f.Length + 1), error.Position);
    }

    [Fact]
    public void Read_EmptyName_NameError()
    {
        var fields = Samples.HealthInsurance15.Split('|');
        fields[1] = "-";
        Assert.Equal("HealthInsuranceCard.Name", HealthInsuranceCardPayload.Read(string.Join('|', fields)).Error.Code);
        fields[1] = Samples.Hex("   ");
        Assert.Equal("HealthInsuranceCard.Name", HealthInsuranceCardPayload.Read(string.Join('|', fields)).Error.Code);
    }

    [Theory]
    [InlineData("HS4010120878811|x|$")]
    [InlineData("a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|$")]
    public void Read_WrongFieldCount_FieldCountError(string text) =>
        Assert.Equal("HealthInsuranceCard.FieldCount", HealthInsuranceCardPayload.Read(text).Error.Code);

    [Fact]
    public void Read_17LayoutWithDollarMarker_FieldCountError()
    {
        var fields = Samples.HealthInsurance17.Split('|');
        fields[14] = "$";
        Assert.Equal("HealthInsuranceCard.FieldCount", HealthInsuranceCardPayload.Read(string.Join('|', fields)).Error.Code);
    }

    [Fact]
    public void ToText_15Layout_WrittenBackExactly() =>
        Assert.Equal(Samples.HealthInsurance15, HealthInsuranceCardPayload.Read(Samples.HealthInsurance15).Value.ToText());

    [Fact]
    public void ToText_17LayoutWithQuirks_CanonicalTextReadsBackEqual()
    {
        var card = HealthInsuranceCardPayload.Read(Samples.HealthInsurance17).Value;
        var written = card.ToText();
        Assert.Contains("|79 - 017|", written, StringComparison.Ordinal);
        Assert.Contains("|01/01/2015|", written, StringComparison.Ordinal);
        var reread = HealthInsuranceCardPayload.Read(written).Value;
        Assert.Equal(card with { Quirks = PayloadQuirks.None }, reread);
    }

    [Fact]
    public void Constructor_ManagementCodeMismatch_Throws()
    {
        var card = HealthInsuranceCardPayload.Read(Samples.HealthInsurance15).Value;
        Assert.Throws<ArgumentException>(() => new HealthInsuranceCardPayload(
            card.CardNumber, card.FullName, card.DateOfBirth, card.Sex, card.Address, card.Clinic, card.ValidFrom, card.ValidTo,
            card.IssueDate, "46019999999999", card.ParentName, card.LivingArea, card.FiveYearsContinuousFrom, card.CheckString));
        Assert.Throws<ArgumentException>(() => new HealthInsuranceCardPayload(
            card.CardNumber, card.FullName, card.DateOfBirth, card.Sex, card.Address, card.Clinic, card.ValidFrom, card.ValidTo,
            card.IssueDate, card.ManagementCode, card.ParentName, card.LivingArea, card.FiveYearsContinuousFrom, card.CheckString, null, "office"));
    }

    [Fact]
    public void ToString_MasksNameAndNumber()
    {
        var text = HealthInsuranceCardPayload.Read(Samples.HealthInsurance15).Value.ToString();
        Assert.DoesNotContain("0120878811", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Nguyễn Văn An", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Phú Thượng", text, StringComparison.Ordinal);
    }
}
