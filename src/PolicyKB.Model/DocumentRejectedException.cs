namespace PolicyKB.Model;

/// <summary>
/// A document the knowledge base could not take, for a reason of its own (a rule of the data files ran over its time
/// on this text, say), with a message meant for the user. What the index held for that document stays as it was: the
/// importer and the crawler report the page as failed and go on with the others.
/// </summary>
public sealed class DocumentRejectedException(string message, Exception? inner = null) : Exception(message, inner);
