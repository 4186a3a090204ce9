#pragma once
// Saving any plot as PNG or PDF (chosen by the file's extension), and the right-click menu
// every plot of the workbench offers for it.

#include <QString>

class QCustomPlot;

namespace poisonlab::gui {

/// Writes `plot` to `path` (.png or .pdf) through a temporary file and a rename, so a failed
/// export never leaves a half-written file. Throws Error naming the file.
void savePlot(QCustomPlot* plot, const QString& path);

/// Adds "Export as PNG or PDF…" to the plot's context menu; `baseName` is the suggested name.
void installExportMenu(QCustomPlot* plot, const QString& baseName);

}  // namespace poisonlab::gui
