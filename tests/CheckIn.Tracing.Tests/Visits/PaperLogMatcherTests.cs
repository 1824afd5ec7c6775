using System.Security.Cryptography;
using CheckIn.Core.Identity;
using CheckIn.Core.Text;
using CheckIn.Tracing.Privacy;
using CheckIn.Tracing.Visits;
using static CheckIn.Tracing.Tests.Support.People;

namespace CheckIn.Tracing.Tests.Visits;

public sealed class PaperLogMatcherTests
{
    private readonly PersonPseudonymizer _pseudonymizer = new(RandomNumberGenerator.GetBytes(32));
    private readonly InMemoryContactDirectory _directory;
    private readonly PaperLogMatcher _matcher;

    public PaperLogMatcherTests()
    {
        _directory = new InMemoryContactDirectory(_pseudonymizer);
        _directory.Add(P(1), new ContactCard("Nguyễn Thị Mỹ Hạnh", PhoneNumber.Parse("0912345678")));
        _directory.Add(P(2), new ContactCard("Trần Văn Bình", PhoneNumber.Parse("0912345678")));   // her husband, same phone
        _directory.Add(P(3), new ContactCard("Lê Quang Cường", PhoneNumber.Parse("0987654321")));
        _directory.Add(P(4), new ContactCard("Phạm Thu Dung", PhoneNumber.Parse("0977000111")));
        _directory.Add(P(5), new ContactCard("Phạm Thu Dung", PhoneNumber.Parse("0977000111")));   // two people, one name, one phone
        _matcher = new PaperLogMatcher(_pseudonymizer, _directory);
    }

    private async Task<PaperLogMatch> Match(string name, string phone, PaperLogMatcher? matcher = null)
    {
        var match = await (matcher ?? _matcher).MatchAsync(name, phone);
        Assert.True(match.Success, match.Success ? null : match.Error.Code);
        return match.Value;
    }

    [Theory]
    [InlineData("Nguyễn Thị Mỹ Hạnh", "0912345678", 1, NameMatchKind.Exact)]
    [InlineData("nguyen thi my hanh", "+84 912 345 678", 1, NameMatchKind.SameWithoutDiacritics)]
    [InlineData("Hạnh Nguyễn Thị Mỹ", "0912.345.678", 1, NameMatchKind.Reordered)]
    [InlineData("Nguyen Hanh", "0912345678", 1, NameMatchKind.MiddleNameMissing)]
    [InlineData("Tran Van Binh", "0912345678", 2, NameMatchKind.SameWithoutDiacritics)]
    [InlineData("Le Quang Cuong", "0987654321", 3, NameMatchKind.SameWithoutDiacritics)]
    [InlineData("Le Quang Cuonq", "0987654321", 3, NameMatchKind.Approximate)]
    public async Task Match_RightPhone_NameAsWritten_FindsTheWriter(string name, string phone, int person, NameMatchKind kind)
    {
        var match = await Match(name, phone);
        Assert.Equal((PaperLogMatchKind.Phone, P(person), kind), (match.Kind, match.Person, match.Name!.Value));
        Assert.True(match.IsMatched);
        Assert.InRange(match.Confidence, NameMatcher.DefaultThreshold, 1);
    }

    [Theory]
    [InlineData("0987654331")]   // one wrong digit
    [InlineData("0987564321")]   // two neighbours swapped
    public async Task Match_PhoneWithASlip_FoundWithLowerConfidence(string phone)
    {
        var exact = await Match("Lê Quang Cường", "0987654321");
        var slipped = await Match("Lê Quang Cường", phone);
        Assert.Equal((PaperLogMatchKind.PhoneTypo, P(3)), (slipped.Kind, slipped.Person));
        Assert.Equal(exact.Confidence * PaperLogMatcherOptions.Default.PhoneTypoFactor, slipped.Confidence, 9);

        var strict = new PaperLogMatcher(_pseudonymizer, _directory, new PaperLogMatcherOptions { TryPhoneTypos = false });
        Assert.Equal(PaperLogMatchKind.Unmatched, (await Match("Lê Quang Cường", phone, strict)).Kind);
    }

    [Fact]
    public async Task Match_NameOfNobodyOnThePhone_OwnPersonTracedAsWritten()
    {
        // A neighbour wrote Hạnh's number: the phone alone never makes them Hạnh.
        var first = await Match("Võ Thị Em", "0912345678");
        Assert.Equal(PaperLogMatchKind.Unmatched, first.Kind);
        Assert.False(first.IsMatched);
        Assert.Equal(0, first.Confidence);
        Assert.DoesNotContain(first.Person, new[] { P(1), P(2), P(3), P(4), P(5) });

        // The same person writing the same way at another venue is the same own person; another name is another.
        Assert.Equal(first.Person, (await Match("vo thi  em", "+84912345678")).Person);
        Assert.NotEqual(first.Person, (await Match("Võ Thị Én", "0912345678")).Person);
        Assert.Equal(_pseudonymizer.Pseudonymize(IdentifierKind.PaperLog, "VO THI EM|0912345678"), first.Person);
    }

    [Fact]
    public async Task Match_TwoPeopleEquallyLikely_AmbiguousNotGuessed()
    {
        var match = await Match("Pham Thu Dung", "0977000111");
        Assert.Equal(PaperLogMatchKind.Ambiguous, match.Kind);
        Assert.False(match.IsMatched);
        Assert.DoesNotContain(match.Person, new[] { P(4), P(5) });
        Assert.True(match.Confidence > 0.9);
    }

    [Theory]
    [InlineData("Nguyen Thi My Hanh", "09123")]
    [InlineData("Nguyen Thi My Hanh", "")]
    [InlineData("", "0912345678")]
    public async Task Match_UnreadablePhoneOrNoName_OwnPerson(string name, string phone)
    {
        var match = await Match(name, phone);
        Assert.Equal(PaperLogMatchKind.Unmatched, match.Kind);
    }

    [Fact]
    public async Task Match_NothingWritten_CodedAndCancellation()
    {
        foreach (var (name, phone) in new[] { (" ", " "), ("\u200B", "-"), ("", "") })
        {
            var empty = await _matcher.MatchAsync(name, phone);
            Assert.Equal(TracingErrorCodes.PaperLog.Empty, empty.Error.Code);
        }

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await _matcher.MatchAsync("Le Quang Cuong", "0987654331", cancelled.Token));
    }

    [Fact]
    public void Slips_OneWrongDigitOrOneSwap_ValidNumbersOnly()
    {
        var slips = PaperLogMatcher.Slips("0987654321").ToList();
        Assert.Contains("0987654331", slips);
        Assert.Contains("0987564321", slips);
        Assert.DoesNotContain("0987654321", slips);
        Assert.All(slips, s => Assert.Equal(s, PhoneNumber.Parse(s).National));
        Assert.InRange(slips.Count, 1, 90);
        Assert.Equal(slips.Count, slips.Distinct().Count());
    }

    [Fact]
    public async Task CallList_ContactCheckedInByCard_FoundThroughTheRegistry()
    {
        // Bình checked in by chip card (no card in the directory under it); a 1405 code linked the chip card to his phone account.
        var chip = _pseudonymizer.Pseudonymize(IdentifierKind.CitizenId, "046090001234");
        var registry = new PersonRegistry();
        registry.Link(chip, P(2));
        var store = new CheckIn.Tracing.Index.VisitStore();
        store.AddRange([new Visit(P(3), "market", At(8), At(9)), new Visit(chip, "market", At(8), At(9)), new Visit(P(9), "market", At(8), At(9))]);
        var result = new ContactTracer(store.Flush()).Trace([new TraceCase(P(3), At(0), At(23))], new ContactTracerOptions { AsOf = At(23), MaxDepth = 1 });

        var calls = await _directory.CallListAsync(result, registry);
        Assert.Equal(2, calls.Count);
        Assert.Equal("Trần Văn Bình", calls.Single(c => c.Contact.Person == chip).Card!.Name);
        Assert.Null(calls.Single(c => c.Contact.Person == P(9)).Card);
        Assert.Null((await _directory.CallListAsync(result)).Single(c => c.Contact.Person == chip).Card);

        // Cards print masked.
        var card = calls.Single(c => c.Contact.Person == chip).Card!;
        Assert.DoesNotContain("Bình", card.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0912345678", card.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Directory_ReplacedCard_OldPhoneNoLongerFindsThem()
    {
        _directory.Add(P(3), new ContactCard("Lê Quang Cường", PhoneNumber.Parse("0901111222")));
        Assert.Equal(PaperLogMatchKind.Unmatched, (await Match("Le Quang Cuong", "0987654321")).Kind);
        Assert.Equal(P(3), (await Match("Le Quang Cuong", "0901111222")).Person);
        Assert.Equal(5, _directory.Count);
    }
}
