using CheckIn.Core;
using CheckIn.Core.Places;
using CheckIn.Tracing.Index;
using CheckIn.Tracing.Visits;
using NodaTime;

namespace CheckIn.Tracing.Tests;

/// <summary>Every options record of CheckIn.Tracing: defaults valid, each option out of range a coded error, consumers refuse them.</summary>
public sealed class OptionsValidationTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "tracer:minOverlap", TracingErrorCodes.TracerOptions.MinOverlap, "MinOverlap" },
        { "tracer:linger", TracingErrorCodes.TracerOptions.Linger, "Linger" },
        { "tracer:depth", TracingErrorCodes.TracerOptions.MaxDepth, "MaxDepth" },
        { "tracer:onward", TracingErrorCodes.TracerOptions.OnwardWindow, "OnwardWindow" },
        { "tracer:threads", TracingErrorCodes.TracerOptions.MaxDegreeOfParallelism, "MaxDegreeOfParallelism" },
        { "tracer:clock", TracingErrorCodes.TracerOptions.Clock, "Clock" },
        { "tracer:perHop", TracingErrorCodes.TracerOptions.MaxContactsPerHop, "MaxContactsPerHop" },
        { "tracer:total", TracingErrorCodes.TracerOptions.MaxContacts, "MaxContacts" },
        { "tracer:risk", TracingErrorCodes.TracerOptions.Risk, "Risk" },
        { "tracer:top", TracingErrorCodes.TracerOptions.TopPerLevel, "TopPerLevel" },
        { "tracer:minScore", TracingErrorCodes.TracerOptions.MinScore, "MinScore" },
        { "tracer:expand", TracingErrorCodes.TracerOptions.ExpandAbove, "ExpandAbove" },
        { "tracer:encounter", TracingErrorCodes.TracerOptions.MinEncounter, "MinEncounter" },
        { "tracer:distance", TracingErrorCodes.TracerOptions.MaxEncounterDistance, "MaxEncounterDistance" },
        { "builder:max", TracingErrorCodes.BuilderOptions.MaxVisitLength, "MaxVisitLength" },
        { "builder:merge", TracingErrorCodes.BuilderOptions.MergeTolerance, "MergeTolerance" },
        { "builder:skew", TracingErrorCodes.BuilderOptions.ClockSkewTolerance, "ClockSkewTolerance" },
        { "builder:default", TracingErrorCodes.BuilderOptions.DefaultLengths, "DefaultLengths[Market]" },
        { "builder:kind", TracingErrorCodes.BuilderOptions.DefaultLengths, "DefaultLengths[99]" },
        { "builder:clock", TracingErrorCodes.BuilderOptions.Clock, "Clock" },
        { "builder:late", TracingErrorCodes.BuilderOptions.LateCheckOutWindow, "LateCheckOutWindow" },
        { "recorder:horizon", TracingErrorCodes.RecorderOptions.Horizon, "Horizon" },
        { "recorder:visits", TracingErrorCodes.RecorderOptions.Visits, "Visits" },
        { "store:capacity", TracingErrorCodes.StoreOptions.SegmentCapacity, "SegmentCapacity" },
        { "store:retention", TracingErrorCodes.StoreOptions.Retention, "Retention" },
        { "store:segments", TracingErrorCodes.StoreOptions.MaxSegments, "MaxSegments" },
        { "store:threads", TracingErrorCodes.StoreOptions.MaxDegreeOfParallelism, "MaxDegreeOfParallelism" },
        { "csv:errors", TracingErrorCodes.CsvOptions.MaxReportedErrors, "MaxReportedErrors" },
        { "paper:threshold", TracingErrorCodes.PaperLogOptions.NameThreshold, "NameThreshold" },
        { "paper:typo", TracingErrorCodes.PaperLogOptions.PhoneTypoFactor, "PhoneTypoFactor" },
        { "paper:tie", TracingErrorCodes.PaperLogOptions.TieMargin, "TieMargin" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OptionOutOfRange_OneCodedError_ConsumerRefuses(string which, string code, string property)
    {
        var tracer = ContactTracerOptions.Default;
        var builder = VisitBuilderOptions.Default;
        var store = VisitStoreOptions.Default;
        var csv = CheckIn.Tracing.Csv.VisitCsvReaderOptions.Default;
        var recorder = VisitRecorderOptions.Default;
        var paper = PaperLogMatcherOptions.Default;
        switch (which)
        {
            case "tracer:minOverlap": tracer = tracer with { MinOverlap = Duration.FromMinutes(-1) }; break;
            case "tracer:linger": tracer = tracer with { Linger = Duration.FromDays(2) }; break;
            case "tracer:depth": tracer = tracer with { MaxDepth = 33 }; break;
            case "tracer:onward": tracer = tracer with { OnwardWindow = Duration.Zero }; break;
            case "tracer:threads": tracer = tracer with { MaxDegreeOfParallelism = 0 }; break;
            case "tracer:clock": tracer = tracer with { Clock = null! }; break;
            case "tracer:perHop": tracer = tracer with { MaxContactsPerHop = 0 }; break;
            case "tracer:total": tracer = tracer with { MaxContacts = -5 }; break;
            case "tracer:risk": tracer = tracer with { Risk = RiskModel.Default with { CloseContacts = 0 } }; break;
            case "tracer:top": tracer = tracer with { TopPerLevel = 0 }; break;
            case "tracer:minScore": tracer = tracer with { MinScore = 1.5 }; break;
            case "tracer:expand": tracer = tracer with { ExpandAbove = double.NaN }; break;
            case "tracer:encounter": tracer = tracer with { MinEncounter = Duration.FromMinutes(-1) }; break;
            case "tracer:distance": tracer = tracer with { MaxEncounterDistance = (CheckIn.Tracing.Proximity.EncounterDistance)9 }; break;
            case "builder:max": builder = builder with { MaxVisitLength = Duration.FromHours(19) }; break;
            case "builder:merge": builder = builder with { MergeTolerance = Duration.FromHours(2) }; break;
            case "builder:skew": builder = builder with { ClockSkewTolerance = Duration.FromMinutes(-1) }; break;
            case "builder:default": builder = builder with { DefaultLengths = new Dictionary<VenueKind, Duration> { [VenueKind.Market] = Duration.Zero } }; break;
            case "builder:kind": builder = builder with { DefaultLengths = new Dictionary<VenueKind, Duration> { [(VenueKind)99] = Duration.FromHours(1) } }; break;
            case "builder:clock": builder = builder with { Clock = null! }; break;
            case "builder:late": builder = builder with { LateCheckOutWindow = Duration.FromDays(2) }; break;
            case "recorder:horizon": recorder = recorder with { Horizon = Duration.FromDays(8) }; break;
            case "recorder:visits": recorder = recorder with { Visits = null! }; break;
            case "store:capacity": store = store with { SegmentCapacity = 0 }; break;
            case "store:retention": store = store with { Retention = Duration.Zero }; break;
            case "store:segments": store = store with { MaxSegments = 2000 }; break;
            case "csv:errors": csv = csv with { MaxReportedErrors = -1 }; break;
            case "paper:threshold": paper = paper with { NameThreshold = 0.2 }; break;
            case "paper:typo": paper = paper with { PhoneTypoFactor = 0 }; break;
            case "paper:tie": paper = paper with { TieMargin = 0.9 }; break;
            default: store = store with { MaxDegreeOfParallelism = 0 }; break;
        }

        var errors = tracer.Validate().Concat(builder.Validate()).Concat(store.Validate()).Concat(csv.Validate()).Concat(recorder.Validate()).Concat(paper.Validate()).ToList();
        var error = Assert.Single(errors);
        Assert.Equal((code, property), (error.Code, error.Property));
        Assert.NotEqual(code, error.GetDescription(MessageLanguage.Vietnamese));
        var exception = Assert.ThrowsAny<InvalidOptionsException>(() =>
        {
            _ = new VisitBuilder(builder);
            _ = new VisitRecorder(recorder);
            _ = new VisitStore(store);
            _ = new CheckIn.Tracing.Csv.VisitCsvReader(TextReader.Null, csv);
            _ = new PaperLogMatcher(new CheckIn.Tracing.Privacy.PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                new CheckIn.Tracing.Privacy.InMemoryContactDirectory(new CheckIn.Tracing.Privacy.PersonPseudonymizer(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))), paper);
            new ContactTracer(new VisitStore().Flush()).Trace([], tracer);
        });
        Assert.Equal(error, Assert.Single(exception.Errors));
        Assert.Equal("options", exception.ParamName);
    }

    [Fact]
    public void Defaults_Valid_EveryOptionsCodeCovered()
    {
        Assert.Empty(ContactTracerOptions.Default.Validate());
        Assert.Empty(VisitBuilderOptions.Default.Validate());
        Assert.Empty(VisitRecorderOptions.Default.Validate());
        Assert.Empty(VisitStoreOptions.Default.Validate());
        Assert.Empty(CheckIn.Tracing.Csv.VisitCsvReaderOptions.Default.Validate());
        Assert.Empty(PaperLogMatcherOptions.Default.Validate());
        var covered = Cases.Select(row => (string)row[1]).ToHashSet();
        Assert.Empty(TracingErrorCodes.All().Where(c => c.Split('.')[0].EndsWith("Options", StringComparison.Ordinal)).Except(covered));
    }

    [Theory]
    [InlineData("rate", TracingErrorCodes.Risk.RatePerMinute, "RatePerMinute")]
    [InlineData("close", TracingErrorCodes.Risk.CloseContacts, "CloseContacts")]
    [InlineData("tail", TracingErrorCodes.Risk.AssumedTailWeight, "AssumedTailWeight")]
    [InlineData("kinds", TracingErrorCodes.Risk.KindWeights, "KindWeights")]
    [InlineData("distances", TracingErrorCodes.Risk.DistanceWeights, "DistanceWeights")]
    public void RiskModelOutOfRange_OneCodedError(string which, string code, string property)
    {
        Assert.Empty(RiskModel.Default.Validate());
        var model = which switch
        {
            "rate" => RiskModel.Default with { RatePerMinute = 0 },
            "close" => RiskModel.Default with { CloseContacts = 20_000 },
            "tail" => RiskModel.Default with { AssumedTailWeight = 1.5 },
            "distances" => RiskModel.Default with { DistanceWeights = new Dictionary<CheckIn.Tracing.Proximity.EncounterDistance, double> { [CheckIn.Tracing.Proximity.EncounterDistance.Near] = -1 } },
            _ => RiskModel.Default with { KindWeights = new Dictionary<VenueKind, double> { [VenueKind.Market] = double.PositiveInfinity } },
        };
        var error = Assert.Single(model.Validate());
        Assert.Equal((code, property), (error.Code, error.Property));
        Assert.NotEqual(code, error.GetDescription(MessageLanguage.English));
    }
}
