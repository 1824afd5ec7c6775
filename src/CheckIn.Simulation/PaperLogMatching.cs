namespace CheckIn.Simulation;

/// <summary>How a <see cref="SimulatedRecording"/> turns paper-log entries into check-in events.</summary>
public enum PaperLogMatching
{
    /// <summary>
    /// An entry whose phone number is right is taken as its writer's (the best a registry lookup can do); an entry
    /// with a wrong number is lost. Fast; what the simulation files and studies use.
    /// </summary>
    RightPhone = 0,

    /// <summary>
    /// As tracers matched them: the written phone is looked up among the residents, then the written name (typos and
    /// all) compared with each holder's by <see cref="Core.Text.NameMatcher"/>; an entry can match nobody, or the
    /// wrong person.
    /// </summary>
    PhoneAndName = 1,

    /// <summary>Paper logs are not traced at all.</summary>
    Ignore = 2,
}
