// poisonlab-cli: the headless twin of the workbench, on the same engine.
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "args.h"
#include "commands.h"
#include "usage.h"
#include "core/util/error.h"
#include "core/version.h"

namespace {

void onInterrupt(int) { poisonlab::cli::interruptToken().cancel(); }

bool wantsJson(int argc, char** argv) {
  for (int i = 2; i < argc; ++i)
    if (std::strcmp(argv[i], "--json") == 0) return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace poisonlab;
  // The token is made here, not on the handler's first call: its construction allocates, and
  // a signal handler may only touch what already exists (the flag is a lock-free atomic).
  static_cast<void>(cli::interruptToken());
  std::signal(SIGINT, onInterrupt);
  std::signal(SIGTERM, onInterrupt);
  const std::string command = argc > 1 ? argv[1] : "help";
  try {
    if (command == "info") return cli::cmdInfo(argc, argv);
    if (command == "poison") return cli::cmdPoison(argc, argv);
    if (command == "preview") return cli::cmdPreview(argc, argv);
    if (command == "download") return cli::cmdDownload(argc, argv);
    if (command == "train") return cli::cmdTrain(argc, argv);
    if (command == "evaluate") return cli::cmdEvaluate(argc, argv);
    if (command == "detect") return cli::cmdDetect(argc, argv);
    if (command == "features") return cli::cmdFeatures(argc, argv);
    if (command == "unlearn") return cli::cmdUnlearn(argc, argv);
    if (command == "unlearn-sweep") return cli::cmdUnlearnSweep(argc, argv);
    if (command == "report") {
#ifdef POISONLAB_HAVE_REPORT
      return cli::cmdReport(argc, argv);
#else
      throw Error(
          "report: this poisonlab-cli was built without the workbench (POISONLAB_GUI=OFF), and "
          "reports are drawn by its Qt views; build with the GUI, or copy the run folder to a "
          "machine with the workbench");
#endif
    }
    if (command == "grid") return cli::cmdGrid(argc, argv);
    if (command == "flip") return cli::cmdFlip(argc, argv);
    if (command == "grid-task") return cli::cmdGridTask(argc, argv);
    if (command == "help" || command == "--help" || command == "-h") {
      if (command == "help" && argc > 2)
        std::cout << cli::commandHelp(cli::commandDoc(argv[2]));
      else
        std::cout << cli::usageText();
      return 0;
    }
    if (command == "--version") {
      std::cout << "poisonlab-cli " << kPoisonLabVersion << "\n";
      return 0;
    }
    if (command == "--reference") {  // docs/cli.md
      std::cout << cli::markdownReference();
      return 0;
    }
    if (command == "--man") {  // the man page, from the table --help prints (see usage.h)
      std::cout << cli::manPage(kPoisonLabVersion, argc > 2 ? argv[2] : "");
      return 0;
    }
    std::cerr << "poisonlab-cli: unknown command '" << command << "'\n\n" << cli::usageText();
    return 2;
  } catch (const cli::HelpRequested& h) {
    std::cout << cli::commandHelp(cli::commandDoc(h.command));
    return 0;
  } catch (const Cancelled&) {
    if (wantsJson(argc, argv))
      std::cout << nlohmann::json{{"error", "cancelled"}}.dump() << std::endl;
    std::cerr << "\npoisonlab-cli: cancelled; every file written is complete (train: --resume "
                 "continues from the last epoch)\n";
    return 130;
  } catch (const std::exception& e) {
    // Replace what is not UTF-8 (a file name from another system): the error must get out.
    if (wantsJson(argc, argv))
      std::cout << nlohmann::json{{"error", e.what()}}.dump(
                       -1, ' ', false, nlohmann::json::error_handler_t::replace)
                << std::endl;
    std::cerr << "poisonlab-cli: error: " << e.what() << "\n";
    return 1;
  }
}
