namespace CheckIn.Declarations;

/// <summary>
/// A document CheckIn validates: a declaration or a venue record. Documents are plain immutable data; the
/// validators in <see cref="DeclarationValidator"/> decide what is valid, with stable error codes.
/// </summary>
public abstract record DeclarationDocument
{
    private protected DeclarationDocument()
    {
    }

    /// <summary>Which kind of document this is.</summary>
    public abstract DocumentKind Kind { get; }
}
