namespace NeuroLake.Engine.Tables.Actions;

/// <summary>An action line that is not valid JSON or lacks a required field; the log reader adds the file name.</summary>
internal sealed class ActionFormatException(string message, Exception? inner = null) : Exception(message, inner);
