using NeuroLake.Engine.Errors;

namespace NeuroLake.Web.Identity;

/// <summary>A switch of the sign-in mode that was not made; the message says why and what to do first. Nothing changed.</summary>
public sealed class SignInModeRefusedException(string message) : NeuroLakeException(message);
