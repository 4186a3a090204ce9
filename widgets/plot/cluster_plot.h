#pragma once
// Activation Clustering's look at one class: its activations on their first two principal axes
// as a scatter, coloured by cluster, by the ground truth or by any detector's score (a light
// blue to dark red ramp). The Cluster view's plot (which adds the lasso and the selection) and
// the report's.

#include <QCoreApplication>

#include <cstdint>
#include <vector>

class QCustomPlot;
class QWidget;

namespace poisonlab {
struct DetectionReport;
}

namespace poisonlab::gui {

class FastScatter;
class Session;

enum class ClusterColour { Cluster, GroundTruth, Score };

/// The points of one class: the shown samples labelled `cls` that a detector with x and y
/// columns (Activation Clustering's projection) placed.
struct ClusterPoints {
  std::vector<int> indices;  ///< training indices
  std::vector<double> xs, ys;
  std::vector<int> cluster;
  std::vector<std::uint8_t> poisoned;
};
ClusterPoints clusterPoints(const Session& session, const QString& detector, int cls);
/// Whether a detector's result places its samples in 2-D (x and y columns).
bool hasProjection(const DetectionReport& report);

class ClusterPlot {
  // The Cluster view's words: translated under its name.
  Q_DECLARE_TR_FUNCTIONS(poisonlab::gui::ClusterView)

 public:
  /// The empty scatter plot (title, axes, legend) as a child of `parent`.
  static QCustomPlot* make(QWidget* parent);
  /// Draws `points` on `plot` (every plottable and item it held is removed), one group per
  /// colour; `scoreDetector` names the detector whose scores colour them in Score mode (none:
  /// the ground truth). Returns the empty layer of selected points (rings) on top.
  static FastScatter* draw(QCustomPlot* plot, const Session& session, const ClusterPoints& points,
                           ClusterColour colour, const QString& scoreDetector);
  /// The axes' ranges around the points (5 % margins); none leaves them.
  static void fit(QCustomPlot* plot, const ClusterPoints& points);
};

}  // namespace poisonlab::gui
