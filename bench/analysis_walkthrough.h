#pragma once
// Part 2 of bench_workbench: the analysis and unlearning views driven as a user would drive
// them, on a copy of a trained run, with the time of each step and the views' redraw times.

#include <QString>

class QApplication;

namespace poisonlab::gui {
class MainWindow;
/// Returns the program's exit code; screenshots go to `shotsDir` when it is not empty.
int analysisWalkthrough(QApplication& app, MainWindow& w, const QString& run,
                        const QString& shotsDir);
}  // namespace poisonlab::gui
