using System.Diagnostics.CodeAnalysis;

namespace PolicyKB.Model;

/// <summary>
/// What reading an input that may be wrong gave: its value, or what is wrong with it in words for the user (as
/// NodaTime's ParseResult). Every boundary that reports bad input answers one (a search's parameters, a date bound,
/// a brief's options, a re-check period, a file of edits); the API turns a failure into problem+json, the CLI into its
/// message and exit code. Exceptions stay for the exceptional: a locked index, a disk that fails.
/// </summary>
public sealed class Parsed<T>
{
    private readonly T? _value;

    internal Parsed(T? value, IReadOnlyDictionary<string, string> errors)
    {
        _value = value;
        Errors = errors;
    }

    /// <summary>True when the input was read; <see cref="Value"/> holds it.</summary>
    public bool Success => Errors.Count == 0;

    /// <summary>The value read; reading it from a failure is a programming error and throws.</summary>
    public T Value => Success ? _value! : throw new InvalidOperationException($"The input was not read: {Error}");

    /// <summary>What is wrong (the first message when several parts were wrong); null on success.</summary>
    public string? Error => Success ? null : Errors.Values.First();

    /// <summary>
    /// Each wrong part of the input by its name as the caller knows it (the API's parameter, a file's field) and its
    /// message, in the order found; a failure of an input with no parts has the one key "". Empty on success.
    /// </summary>
    public IReadOnlyDictionary<string, string> Errors { get; }

    /// <summary>The value when there is one: the <c>TryParse</c> pattern over the result.</summary>
    public bool TryGetValue([MaybeNullWhen(false)] out T value)
    {
        value = _value;
        return Success;
    }
}

/// <summary>Makes <see cref="Parsed{T}"/> values.</summary>
public static class Parsed
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly();

    public static Parsed<T> Of<T>(T value) => new(value, None);

    /// <summary>A failure with one message.</summary>
    public static Parsed<T> Fail<T>(string error) => Fail<T>(string.Empty, error);

    /// <summary>A failure of the part <paramref name="name"/> of the input.</summary>
    public static Parsed<T> Fail<T>(string name, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        return new(default, new Dictionary<string, string>(StringComparer.Ordinal) { [name] = error }.AsReadOnly());
    }

    /// <summary>A failure of several parts, each with its message (at least one).</summary>
    public static Parsed<T> Fail<T>(IEnumerable<KeyValuePair<string, string>> errors)
    {
        var copy = new Dictionary<string, string>(errors, StringComparer.Ordinal);
        if (copy.Count == 0) throw new ArgumentException("A failure needs at least one error.", nameof(errors));
        return new(default, copy.AsReadOnly());
    }
}
