#pragma once
// The one definition of poisonlab-cli's commands and options: each command's parser (Args),
// `--help`, `help COMMAND` and the man page (`--man`, installed as poisonlab-cli.1) all come
// from this table. Plain C++ (no torch, no Qt).

#include <set>
#include <string>
#include <vector>

namespace poisonlab::cli {

struct CommandDoc {
  std::string name;
  std::set<std::string> valued;  ///< options that take a value (--name VALUE)
  std::set<std::string> flags;   ///< options that take none (--json is every command's)
  std::string synopsis;          ///< the options as a user types them, lines joined by '\n'
  std::string description;       ///< what the command does, one paragraph
};

/// Every command, in the order --help lists them.
const std::vector<CommandDoc>& commandDocs();
/// The command called `name`; throws poisonlab::Error for an unknown one.
const CommandDoc& commandDoc(const std::string& name);

/// `poisonlab-cli --help`: every command with its options and description.
std::string usageText();
/// `poisonlab-cli help COMMAND`.
std::string commandHelp(const CommandDoc& doc);
/// The man page (roff, section 1) from the same table; `date` as YYYY-MM-DD.
std::string manPage(const std::string& version, const std::string& date);
/// The CLI reference in Markdown (docs/cli.md), from the same table.
std::string markdownReference();

}  // namespace poisonlab::cli
