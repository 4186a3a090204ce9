#pragma once
// Saving any plot as PNG or PDF (chosen by the file's extension), and the right-click menu
// every plot of the workbench offers for it.

#include <QColor>
#include <QIcon>
#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

class QCustomPlot;
class QWidget;

namespace poisonlab::gui {

/// Writes `plot` to `path` (.png or .pdf) through a temporary file and a rename, so a failed
/// export never leaves a half-written file. Throws Error naming the file.
void savePlot(QCustomPlot* plot, const QString& path);

// Colour-blind-safe (Okabe-Ito) colours every plot of the workbench uses.
inline const QColor kBlue(0, 114, 178), kOrange(230, 159, 0), kGreen(0, 158, 115),
    kVermillion(213, 94, 0), kPurple(204, 121, 167), kSky(86, 180, 233), kYellow(240, 228, 66),
    kGrey(160, 160, 160);
/// The colour of series `k` of a plot (cycles through the palette).
QColor seriesColour(int k);

/// A plot with a bold title row, the export menu and fast dragging; `name` is its object name.
QCustomPlot* makePlot(QWidget* parent, const QString& name, const QString& title,
                      const QString& xLabel = {});

/// Moves a plot's legend below its axes (a row under the plot, entries filled column by column
/// `rows` high, in a smaller font), so it never covers the data.
void legendBelow(QCustomPlot* plot, int rows = 2);

/// Replaces the title row's text of a plot made by makePlot.
void setPlotTitle(QCustomPlot* plot, const QString& title);

/// Draws a confusion matrix (rows: true class, columns: predicted; cells coloured by the row
/// fraction, labelled in percent) on `plot`, titled `title`.
void drawConfusion(QCustomPlot* plot, const std::vector<std::vector<int>>& counts,
                   const QStringList& classNames, const QString& title);

/// An image enlarged to `side` pixels as an icon, framed in vermillion when `framed` (a
/// poison, a changed label: ground truth shown to the researcher, never to a detector).
QIcon framedThumbnail(const QImage& image, int side, bool framed);

/// Adds "Export as PNG or PDF…" to the plot's context menu; `baseName` is the suggested name.
void installExportMenu(QCustomPlot* plot, const QString& baseName);

}  // namespace poisonlab::gui
