namespace NeuroLake.Engine.Errors;

/// <summary>
/// Base of every error a user can cause. The message says what was wrong and how to fix it;
/// the web layer maps these to RFC 7807 problem details.
/// </summary>
public abstract class NeuroLakeException : Exception
{
    protected NeuroLakeException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
