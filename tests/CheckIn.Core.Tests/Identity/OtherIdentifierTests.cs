using CheckIn.Core.Identity;

namespace CheckIn.Core.Tests.Identity;

public sealed class LegacyIdNumberTests
{
    [Theory]
    [InlineData("012345678", 9)]
    [InlineData("001090123456", 12)]
    public void Read_NineOrTwelveDigits_Accepted(string text, int digits)
    {
        var number = LegacyIdNumber.Read(text).Value;
        Assert.Equal(text, number.Value);
        Assert.Equal(digits, number.DigitCount);
    }

    [Theory]
    [InlineData("01234567", "LegacyIdNumber.Length")]
    [InlineData("0123456789", "LegacyIdNumber.Length")]
    [InlineData("01234567x", "LegacyIdNumber.NotDigits")]
    public void Read_Invalid_Code(string text, string code) => Assert.Equal(code, LegacyIdNumber.Read(text).Error.Code);

    [Fact]
    public void ToString_Masks() => Assert.Equal("*******78", LegacyIdNumber.Parse("012345678").ToString());
}

public sealed class PassportNumberTests
{
    [Theory]
    [InlineData("C1234567", true)]
    [InlineData("b7654321", true)]
    [InlineData("X12345678", false)]
    [InlineData("123456", false)]
    public void Read_Valid_UpperCasedAndClassified(string text, bool vietnamese)
    {
        var number = PassportNumber.Read(text).Value;
        Assert.Equal(text.ToUpperInvariant(), number.Value);
        Assert.Equal(vietnamese, number.IsVietnameseFormat);
    }

    [Theory]
    [InlineData("C123", "PassportNumber.Length")]
    [InlineData("C1234567890", "PassportNumber.Length")]
    [InlineData("C123-4567", "PassportNumber.Character")]
    [InlineData("ABCDEFGH", "PassportNumber.Character")]
    public void Read_Invalid_Code(string text, string code) => Assert.Equal(code, PassportNumber.Read(text).Error.Code);

    [Fact]
    public void ToString_Masks() => Assert.Equal("******67", PassportNumber.Parse("C1234567").ToString());
}

public sealed class HealthInsuranceNumberTests
{
    [Fact]
    public void Read_CardCode_SplitsParts()
    {
        var number = HealthInsuranceNumber.Read("HS4010120878811").Value;
        Assert.True(number.IsCardCode);
        Assert.Equal("HS", number.BeneficiaryCode);
        Assert.Equal(4, number.BenefitLevel);
        Assert.Equal(1, number.ProvinceCode);
        Assert.Equal("0120878811", number.SocialInsuranceNumber);
    }

    [Fact]
    public void Read_TenDigits_OnlySocialInsuranceNumber()
    {
        var number = HealthInsuranceNumber.Read("0120878811").Value;
        Assert.False(number.IsCardCode);
        Assert.Null(number.BeneficiaryCode);
        Assert.Null(number.BenefitLevel);
        Assert.Null(number.ProvinceCode);
        Assert.Equal("0120878811", number.SocialInsuranceNumber);
    }

    [Fact]
    public void Read_LowerCaseCode_UpperCased() => Assert.Equal("DN4790123456789", HealthInsuranceNumber.Parse("dn4790123456789").Value);

    [Theory]
    [InlineData("HS401012087881", "HealthInsuranceNumber.Length", 0)]
    [InlineData("H54010120878811", "HealthInsuranceNumber.BeneficiaryCode", 0)]
    [InlineData("HS6010120878811", "HealthInsuranceNumber.BenefitLevel", 2)]
    [InlineData("HS0010120878811", "HealthInsuranceNumber.BenefitLevel", 2)]
    [InlineData("HS4A10120878811", "HealthInsuranceNumber.ProvinceCode", 3)]
    [InlineData("HS40101208788X1", "HealthInsuranceNumber.SocialInsuranceNumber", 13)]
    [InlineData("012087881X", "HealthInsuranceNumber.SocialInsuranceNumber", 9)]
    public void Read_Invalid_CodeAndPosition(string text, string code, int position)
    {
        var error = HealthInsuranceNumber.Read(text).Error;
        Assert.Equal(code, error.Code);
        Assert.Equal(position, error.Position);
    }

    [Fact]
    public void ToString_KeepsNonIdentifyingPrefix()
    {
        Assert.Equal("HS401********11", HealthInsuranceNumber.Parse("HS4010120878811").ToString());
        Assert.Equal("01******11", HealthInsuranceNumber.Parse("0120878811").ToString());
    }
}

public sealed class BirthDateTests
{
    [Fact]
    public void FromYear_YearOnly_NoDate()
    {
        var date = BirthDate.FromYear(1985);
        Assert.False(date.IsFullDate);
        Assert.Null(date.Date);
        Assert.Equal("1985", date.ToString());
    }

    [Fact]
    public void IsCompatibleWith_YearOnlyAndFullDate_SameYearCompatible()
    {
        var full = BirthDate.FromDate(new NodaTime.LocalDate(1985, 3, 4));
        Assert.True(full.IsCompatibleWith(BirthDate.FromYear(1985)));
        Assert.False(full.IsCompatibleWith(BirthDate.FromYear(1986)));
        Assert.False(full.IsCompatibleWith(BirthDate.FromDate(new NodaTime.LocalDate(1985, 3, 5))));
    }

    [Fact]
    public void FromYear_OutOfRange_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => BirthDate.FromYear(1799));
}
