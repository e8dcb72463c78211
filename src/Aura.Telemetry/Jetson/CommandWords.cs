using System.Collections.Immutable;
using System.Text;
using Aura.Core.Config;

namespace Aura.Telemetry.Jetson;

/// <summary>
/// Splits a command given in an environment variable (<c>python3 emulator.py --interval 1000</c>) into a program and
/// its arguments: blanks separate words, single and double quotes group them, a backslash escapes the next character
/// outside single quotes. Nothing else is interpreted: no variables, globs, pipes or redirections, and no shell runs it.
/// </summary>
public static class CommandWords
{
    public static ImmutableArray<string> Split(string command, string origin)
    {
        ArgumentNullException.ThrowIfNull(command);
        var words = ImmutableArray.CreateBuilder<string>();
        var word = new StringBuilder();
        var inWord = false;
        char quote = '\0';
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'')
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c == '\\' && quote != '\'')
            {
                if (++i == command.Length)
                {
                    throw new ConfigException($"{origin}: the command ends with a lone backslash");
                }

                word.Append(command[i]);
                inWord = true;
            }
            else if (quote == '"')
            {
                if (c == '"')
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (quote != '\0')
        {
            throw new ConfigException($"{origin}: a {(quote == '"' ? "double" : "single")} quote is not closed");
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words.ToImmutable();
    }
}
