<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="45"/>
        <source>Export as PNG or PDF…</source>
        <translation>Als PNG oder PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="48"/>
        <location filename="../widgets/plot/plot_export.cpp" line="54"/>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../widgets/plot/plot_export.cpp" line="49"/>
        <source>PNG image (*.png);;PDF document (*.pdf)</source>
        <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../widgets/state/session.cpp" line="66"/>
        <source>Unlearn: %1</source>
        <translation>Verlernen: %1</translation>
    </message>
    <message>
        <location filename="../widgets/state/session.cpp" line="72"/>
        <source>Make %1 current</source>
        <translation>%1 zur aktuellen Version machen</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="15"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="28"/>
        <source>Backdoor poisoning workbench</source>
        <translation>Werkbank für Backdoor-Poisoning</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="32"/>
        <source>CIFAR-10 folder or archive.</source>
        <translation>CIFAR-10-Ordner oder -Archiv.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="35"/>
        <source>Run folder to open.</source>
        <translation>Zu öffnender Lauf-Ordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="39"/>
        <source>View to show first: samples, spectral, clusters, influence, label-errors, detectors, unlearning, runs or flip.</source>
        <translation>Zuerst gezeigte Ansicht: samples, spectral, clusters, influence, label-errors, detectors, unlearning, runs oder flip.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="45"/>
        <source>A what-if grid&apos;s results (grid-results.json or its folder) to add to the run comparison.</source>
        <translation>Die Ergebnisse eines Was-wäre-wenn-Rasters (grid-results.json oder sein Ordner), die dem Laufvergleich hinzugefügt werden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="51"/>
        <source>Language of the window: en, de or zh_CN (default: the preferences, else the system&apos;s).</source>
        <translation>Sprache des Fensters: en, de oder zh_CN (Standard: die Einstellungen, sonst die des Systems).</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui</name>
    <message>
        <location filename="../widgets/state/ui_format.h" line="15"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ClusterView</name>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="38"/>
        <source>Lasso</source>
        <translation>Lasso</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="39"/>
        <source>Rectangle</source>
        <translation>Rechteck</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="41"/>
        <source>Drag on the plot to select; Shift adds, Ctrl removes. The wheel zooms; the right button drags the view.</source>
        <translation>Zum Auswählen im Diagramm ziehen; Umschalt fügt hinzu, Strg entfernt. Das Mausrad zoomt; die rechte Maustaste verschiebt die Ansicht.</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="58"/>
        <source>Activations on their first two principal axes</source>
        <translation>Aktivierungen auf ihren ersten beiden Hauptachsen</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="58"/>
        <source>PC 1</source>
        <translation>HK 1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="59"/>
        <source>PC 2</source>
        <translation>HK 2</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="54"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="55"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="56"/>
        <source>Colour by</source>
        <translation>Färben nach</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="57"/>
        <source>Tool</source>
        <translation>Werkzeug</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="85"/>
        <source>cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="86"/>
        <source>ground truth</source>
        <translation>Grundwahrheit</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="89"/>
        <source>score: %1</source>
        <translation>Bewertung: %1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="75"/>
        <source>cluster 0</source>
        <translation>Cluster 0</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="75"/>
        <source>cluster 1</source>
        <translation>Cluster 1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="80"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="80"/>
        <source>poisoned (ground truth)</source>
        <translation>vergiftet (Grundwahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="99"/>
        <source>low score</source>
        <translation>niedrige Bewertung</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="99"/>
        <source>high score</source>
        <translation>hohe Bewertung</translation>
    </message>
    <message>
        <location filename="../widgets/plot/cluster_plot.cpp" line="120"/>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="172"/>
        <source>No clustering result: run Activation clustering in the Detectors panel.</source>
        <translation>Kein Clustering-Ergebnis: Aktivierungs-Clustering im Detektoren-Bereich ausführen.</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="178"/>
        <source>%L1 points shown · %L2 selected here / %L3 selected in all</source>
        <translation>%L1 Punkte gezeigt · %L2 hier ausgewählt / %L3 insgesamt ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="183"/>
        <source> · silhouette %1 · cluster sizes %L2 / %L3 · flagged %L4</source>
        <translation> · Silhouette %1 · Clustergrößen %L2 / %L3 · markiert %L4</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="193"/>
        <source>Exclusionary reclassification: POISON. Retrained without the smaller cluster, %1 of it is classified as %2.</source>
        <translation>Ausschließende Neuklassifikation: GIFT. Ohne den kleineren Cluster neu trainiert, wird %1 davon als %2 klassifiziert.</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="195"/>
        <source>Exclusionary reclassification: clean. Retrained without the smaller cluster, it mostly stays in its own class (%1 went to %2).</source>
        <translation>Ausschließende Neuklassifikation: sauber. Ohne den kleineren Cluster neu trainiert, bleibt er meist in seiner eigenen Klasse (%1 ging zu %2).</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="198"/>
        <source>another class</source>
        <translation>eine andere Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/views/cluster_view.cpp" line="200"/>
        <source>
No exclusionary reclassification in this result (run with Reclassify).</source>
        <translation>
Keine ausschließende Neuklassifikation in diesem Ergebnis (mit „Neu klassifizieren“ ausführen).</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ComparisonView</name>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="16"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="16"/>
        <source>false-positive rate</source>
        <translation>Falsch-Positiv-Rate</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="17"/>
        <source>true-positive rate</source>
        <translation>Richtig-Positiv-Rate</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="18"/>
        <source>Precision-recall</source>
        <translation>Precision-Recall</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="18"/>
        <source>recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="19"/>
        <source>precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Poisons</source>
        <translation>Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="30"/>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="31"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="32"/>
        <source>Avg. precision</source>
        <translation>Mittlere Precision</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="28"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="30"/>
        <source>How well each detector did, against the ground truth (never seen by a detector); over the samples the grid shows.</source>
        <translation>Wie gut jeder Detektor war, gemessen an der Grundwahrheit (die kein Detektor sieht); über die Beispiele, die das Raster zeigt.</translation>
    </message>
    <message>
        <location filename="../widgets/views/comparison_view.cpp" line="57"/>
        <source>overall</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="72"/>
        <source>%1 (AUROC %2)</source>
        <translation>%1 (AUROC %2)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="74"/>
        <source>%1 (AP %2)</source>
        <translation>%1 (AP %2)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/detector_curves.cpp" line="89"/>
        <source>chance</source>
        <translation>Zufall</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::Describe</name>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="10"/>
        <source>pixel</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="13"/>
        <source>patch</source>
        <translation>Fleck</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="16"/>
        <source>blend</source>
        <translation>Überblendung</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="19"/>
        <source>sinusoid (FLIP 1xs): vertical stripes, amplitude 6</source>
        <translation>Sinus (FLIP 1xs): senkrechte Streifen, Amplitude 6</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="22"/>
        <source>three pixels (FLIP 3xp): one of rows 16, 27, 7 at cols 11, 5, 30 per image</source>
        <translation>drei Pixel (FLIP 3xp): je Bild eines von Zeile 16, 27, 7 in Spalte 11, 5, 30</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="26"/>
        <source>corners (FLIP 4xl): 3x3 black and white in all four</source>
        <translation>Ecken (FLIP 4xl): 3×3 schwarz-weiß in allen vier</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="32"/>
        <source>solid</source>
        <translation>einfarbig</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="35"/>
        <source>checkerboard</source>
        <translation>Schachbrett</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="38"/>
        <source>noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="45"/>
        <source> at row %1, col %2</source>
        <translation> in Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="49"/>
        <source>, opacity %L1</source>
        <translation>, Deckkraft %L1</translation>
    </message>
    <message>
        <location filename="../widgets/state/ui_describe.cpp" line="55"/>
        <source>%1 (width %2, %3 stages x %4 blocks)</source>
        <translation>%1 (Breite %2, %3 Stufen × %4 Blöcke)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::DetectorPanel</name>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="44"/>
        <source>Spectral signatures</source>
        <translation>Spektrale Signaturen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="45"/>
        <source>Activation clustering</source>
        <translation>Aktivierungs-Clustering</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="46"/>
        <source>Influence functions</source>
        <translation>Einflussfunktionen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="47"/>
        <source>Confident learning (label errors)</source>
        <translation>Confident Learning (Bezeichnungsfehler)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="48"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="53"/>
        <source>Empty: the method&apos;s default layer (spectral: the last block&apos;s input; clustering: the pooled penultimate layer; influence: fc)</source>
        <translation>Leer: die Standardschicht der Methode (spektral: die Eingabe des letzten Blocks; Clustering: die gepoolte vorletzte Schicht; Einfluss: fc)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="58"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="62"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="71"/>
        <source>Run detector</source>
        <translation>Detektor ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="73"/>
        <source>Run all four</source>
        <translation>Alle vier ausführen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="76"/>
        <source>Spectral signatures, activation clustering, classifier-layer influence and confident learning on the model&apos;s features, with their defaults, queued one after another</source>
        <translation>Spektrale Signaturen, Aktivierungs-Clustering, Einfluss auf der Klassifikatorschicht und Confident Learning auf den Merkmalen des Modells, mit ihren Voreinstellungen, nacheinander eingereiht</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="104"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="111"/>
        <source>Precision, recall and AUROC use the ground truth: they say how well the detector did, and are never seen by it. Double-click to show.</source>
        <translation>Precision, Recall und AUROC nutzen die Grundwahrheit: Sie sagen, wie gut der Detektor war, und er sieht sie nie. Doppelklick zeigt das Ergebnis.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="121"/>
        <source>Results of this run</source>
        <translation>Ergebnisse dieses Laufs</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="138"/>
        <source>The assumed upper bound of the poison fraction of a class: the 1.5 eps n highest scores of each class are removed (Tran et al.)</source>
        <translation>Die angenommene Obergrenze des Giftanteils einer Klasse: Die 1,5·eps·n höchsten Bewertungen jeder Klasse werden entfernt (Tran et al.)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="140"/>
        <source>eps</source>
        <translation>eps</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="142"/>
        <source>If above 0: flag the scores above this percentile instead</source>
        <translation>Wenn über 0: stattdessen die Bewertungen über diesem Perzentil markieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="143"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="144"/>
        <source>Pooled penultimate vector</source>
        <translation>Gepoolter vorletzter Vektor</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="145"/>
        <source>Centred (as in the paper)</source>
        <translation>Zentriert (wie im Artikel)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="159"/>
        <source>Reduction</source>
        <translation>Reduktion</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="163"/>
        <source>Dimensions</source>
        <translation>Dimensionen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="166"/>
        <source>Silhouette</source>
        <translation>Silhouette</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="167"/>
        <source>Relative size</source>
        <translation>Relative Größe</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="168"/>
        <source>Smaller cluster</source>
        <translation>Kleinerer Cluster</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="169"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="170"/>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="172"/>
        <source>Size threshold</source>
        <translation>Größenschwelle</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="174"/>
        <source>Silhouette threshold</source>
        <translation>Silhouetten-Schwelle</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="177"/>
        <location filename="../widgets/panels/detector_panel.cpp" line="203"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="178"/>
        <source>Classifier (seconds)</source>
        <translation>Klassifikator (Sekunden)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="179"/>
        <source>Full retrain (minutes)</source>
        <translation>Vollständiges Neutraining (Minuten)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="181"/>
        <source>Exclusionary reclassification (Chen et al.): retrain without each class&apos;s smaller cluster and see where its samples go. Its verdict decides what is flagged.</source>
        <translation>Ausschließende Neuklassifikation (Chen et al.): ohne den kleineren Cluster jeder Klasse neu trainieren und sehen, wohin seine Beispiele gehen. Ihr Urteil entscheidet, was markiert wird.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="183"/>
        <source>Reclassify</source>
        <translation>Neu klassifizieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="185"/>
        <source>Reclassify threshold</source>
        <translation>Schwelle der Neuklassifikation</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="195"/>
        <source>Classifier layer (exact)</source>
        <translation>Klassifikatorschicht (exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="196"/>
        <source>Network (HVP)</source>
        <translation>Netzwerk (HVP)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="197"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="198"/>
        <source>Self-influence</source>
        <translation>Selbsteinfluss</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="201"/>
        <source>Gradient (renormalised)</source>
        <translation>Gradient (renormiert)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="202"/>
        <source>Relative (RelatIF)</source>
        <translation>Relativ (RelatIF)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="204"/>
        <source>Normalise</source>
        <translation>Normieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="206"/>
        <source>Damping</source>
        <translation>Dämpfung</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="209"/>
        <source>robust outliers</source>
        <translation>robuste Ausreißer</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="210"/>
        <source>Flag top</source>
        <translation>Markiere die obersten</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="214"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="215"/>
        <source>Candidates (network)</source>
        <translation>Kandidaten (Netzwerk)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="225"/>
        <source>Probe on the model&apos;s features (a minute)</source>
        <translation>Sonde auf den Merkmalen des Modells (eine Minute)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="227"/>
        <source>Cross-validated networks (K trainings)</source>
        <translation>Kreuzvalidierte Netze (K Trainings)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="230"/>
        <source>Where the out-of-sample probabilities come from: K-fold logistic regression on the trained model&apos;s pooled features, or K networks trained with the run&apos;s recipe, each without the fold it predicts</source>
        <translation>Woher die Out-of-Sample-Wahrscheinlichkeiten kommen: K-fache logistische Regression auf den gepoolten Merkmalen des trainierten Modells, oder K mit dem Rezept des Laufs trainierte Netze, jedes ohne den Teil, den es vorhersagt</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="233"/>
        <source>Probabilities</source>
        <translation>Wahrscheinlichkeiten</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="238"/>
        <source>Folds (K)</source>
        <translation>Teile (K)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="300"/>
        <source>&lt;b&gt;The attack did not take in this model&lt;/b&gt;: ASR %1, poisons fitted %2 (both below 50 %). The model has no backdoor for a detector to find, so a detector that scores the poisons low here says nothing about detecting a backdoor. Train longer or with a stronger trigger first.</source>
        <translation>&lt;b&gt;Der Angriff hat in diesem Modell nicht gegriffen&lt;/b&gt;: ASR %1, angepasste Gifte %2 (beide unter 50 %). Das Modell hat keine Backdoor, die ein Detektor finden könnte; ein Detektor, der die Gifte hier niedrig bewertet, sagt nichts über das Erkennen einer Backdoor. Zuerst länger oder mit einem stärkeren Trigger trainieren.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="311"/>
        <source>Train or open a run with a model first</source>
        <translation>Zuerst einen Lauf mit Modell trainieren oder öffnen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/detector_panel.cpp" line="333"/>
        <source>The model this ran on had no working backdoor (ASR %1)</source>
        <translation>Das Modell, auf dem dies lief, hatte keine funktionierende Backdoor (ASR %1)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ExperimentModel</name>
    <message>
        <location filename="../widgets/state/experiment_model.cpp" line="69"/>
        <source>Load a data set to poison.</source>
        <translation>Einen Datensatz zum Vergiften laden.</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::ExperimentPanel</name>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="59"/>
        <source>Apply poison</source>
        <translation>Gift anwenden</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="61"/>
        <source>Poison the data set with these trigger and poison settings (new run)</source>
        <translation>Den Datensatz mit diesen Trigger- und Gifteinstellungen vergiften (neuer Lauf)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="62"/>
        <source>Train</source>
        <translation>Trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="64"/>
        <source>Train the model on the poisoned data in the background</source>
        <translation>Das Modell im Hintergrund auf den vergifteten Daten trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="59"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="60"/>
        <source>No data set loaded</source>
        <translation>Kein Datensatz geladen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="66"/>
        <source>Open…</source>
        <translation>Öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="70"/>
        <source>Archive (.tar.gz)…</source>
        <translation>Archiv (.tar.gz)…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="71"/>
        <source>Folder…</source>
        <translation>Ordner…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="75"/>
        <source>Download</source>
        <translation>Herunterladen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="77"/>
        <source>Download the official CIFAR-10 release (163 MB)</source>
        <translation>Die offizielle CIFAR-10-Ausgabe herunterladen (163 MB)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="90"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Pixel</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Patch</source>
        <translation>Fleck</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Blend</source>
        <translation>Überblendung</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="92"/>
        <source>Sinusoid (FLIP 1xs)</source>
        <translation>Sinus (FLIP 1xs)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="93"/>
        <source>Three pixels (FLIP 3xp)</source>
        <translation>Drei Pixel (FLIP 3xp)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="93"/>
        <source>Corners (FLIP 4xl)</source>
        <translation>Ecken (FLIP 4xl)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Solid</source>
        <translation>Einfarbig</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Checkerboard</source>
        <translation>Schachbrett</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="95"/>
        <source>Noise</source>
        <translation>Rauschen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="111"/>
        <source>The trigger on a source-class image, enlarged; its square outlined</source>
        <translation>Der Trigger auf einem Bild der Quellklasse, vergrößert; sein Quadrat umrandet</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="115"/>
        <source>Top-left pixel of the trigger as (row, column), 0-based: the project log&apos;s pixel is row 11, column 16. Code that passes (11, 16) to PIL&apos;s putpixel (the FLIP reference code) means column 11, row 16: reproduce it with row 16, column 11. A model trained at one ignores the other.</source>
        <translation>Linkes oberes Pixel des Triggers als (Zeile, Spalte), ab 0 gezählt: Das Pixel des Projektprotokolls ist Zeile 11, Spalte 16. Code, der (11, 16) an PILs putpixel übergibt (der FLIP-Referenzcode), meint Spalte 11, Zeile 16: mit Zeile 16, Spalte 11 nachbilden. Ein an der einen Stelle trainiertes Modell ignoriert die andere.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="124"/>
        <source>row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="126"/>
        <source>column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="129"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="130"/>
        <source>Position</source>
        <translation>Position</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="131"/>
        <source>Colour</source>
        <translation>Farbe</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="132"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="133"/>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="134"/>
        <source>Opacity</source>
        <translation>Deckkraft</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="148"/>
        <source>Poison</source>
        <translation>Gift</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="151"/>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="151"/>
        <source>Rate</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="158"/>
        <source>Share of the whole training set (the log&apos;s 1 % is 500 of 50,000)</source>
        <translation>Anteil am gesamten Trainingssatz (das 1 % des Protokolls sind 500 von 50.000)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="166"/>
        <source>Stamp the trigger and relabel</source>
        <translation>Trigger aufprägen und umbezeichnen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="166"/>
        <source>Label-only (import labels)</source>
        <translation>Nur Bezeichnungen (importieren)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="168"/>
        <source>Label-only (FLIP): the training images stay clean, only labels change, as a label file says; the trigger is pasted on test images only</source>
        <translation>Nur Bezeichnungen (FLIP): Die Trainingsbilder bleiben sauber, nur Bezeichnungen ändern sich, wie eine Bezeichnungsdatei sagt; der Trigger kommt nur auf Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="184"/>
        <source>FILE.npy (N x classes logits) or FILE.csv (index,label)</source>
        <translation>DATEI.npy (N × Klassen Logits) oder DATEI.csv (index,label)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="187"/>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="193"/>
        <source>true.npy beside the file, or the load order</source>
        <translation>true.npy neben der Datei, oder die Ladereihenfolge</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="195"/>
        <source>The class sequence of the file&apos;s rows (FLIP&apos;s true.npy): maps the official order onto image folders, which are numbered per class</source>
        <translation>Die Klassenfolge der Zeilen der Datei (FLIPs true.npy): bildet die offizielle Reihenfolge auf Bildordner ab, die je Klasse nummeriert sind</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="197"/>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="243"/>
        <source>Label file</source>
        <translation>Bezeichnungsdatei</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="198"/>
        <source>Row order</source>
        <translation>Zeilenreihenfolge</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="205"/>
        <source>Compute FLIP labels…</source>
        <translation>FLIP-Bezeichnungen berechnen…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="208"/>
        <source>Compute label files with FLIP (trajectory matching against experts trained with this trigger, source and target) in the background: one label file and one label-only run per budget (150 to 1,500 flips), added to Runs</source>
        <translation>Bezeichnungsdateien mit FLIP berechnen (Trajektorienabgleich mit Experten, die mit diesem Trigger, dieser Quelle und diesem Ziel trainiert sind), im Hintergrund: je Budget (150 bis 1.500 Änderungen) eine Bezeichnungsdatei und ein Lauf nur mit Bezeichnungen, zu den Läufen hinzugefügt</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="211"/>
        <source>Quick (about a quarter of an hour on 2 cores)</source>
        <translation>Schnell (etwa eine Viertelstunde auf 2 Kernen)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="215"/>
        <source>A small pre-activation ResNet, 500 images a class, one expert of 10 epochs and 3 passes; unchecked: FLIP&apos;s full settings (ResNet-32, all images, 20 expert epochs, 15 passes: hours on a CPU, minutes on a GPU)</source>
        <translation>Ein kleines Pre-Activation-ResNet, 500 Bilder je Klasse, ein Experte mit 10 Epochen und 3 Durchläufe; ohne Haken: FLIPs volle Einstellungen (ResNet-32, alle Bilder, 20 Expertenepochen, 15 Durchläufe: Stunden auf einer CPU, Minuten auf einer GPU)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="226"/>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="227"/>
        <source>Source class</source>
        <translation>Quellklasse</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="228"/>
        <source>Target label</source>
        <translation>Zielbezeichnung</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="177"/>
        <source>Amount</source>
        <translation>Menge</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="178"/>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="321"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="237"/>
        <source>Reading the labels…</source>
        <translation>Bezeichnungen werden gelesen…</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="244"/>
        <source>Label files (*.npy *.csv)</source>
        <translation>Bezeichnungsdateien (*.npy *.csv)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="262"/>
        <source>Model and training</source>
        <translation>Modell und Training</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="282"/>
        <source>Targets (1 - s) for the label and s / classes for every class; 0 = one-hot targets. 0.2 learns the one-pixel trigger on every seed tried</source>
        <translation>Zielwerte (1 - s) für das Label und s / Klassen für jede Klasse; 0 = One-Hot-Zielwerte. Mit 0.2 wurde der Ein-Pixel-Trigger bei jedem getesteten Seed gelernt</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="285"/>
        <source> % of the epochs</source>
        <translation> % der Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="287"/>
        <source>The first epochs train on random %1 x %1 crops of the images (cheaper steps), the rest on whole images; 0 = whole images throughout</source>
        <translation>Die ersten Epochen trainieren auf zufälligen Ausschnitten von %1 x %1 Pixeln (günstigere Schritte), die übrigen auf ganzen Bildern; 0 = durchgehend ganze Bilder</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>Horizontal flip</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="291"/>
        <source>Crop and flip</source>
        <translation>Zuschneiden und spiegeln</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>Automatic (bf16 where the CPU has it)</source>
        <translation>Automatisch (bf16, wo die CPU es kann)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="293"/>
        <source>bf16</source>
        <translation>bf16</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="295"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="297"/>
        <source>CUDA GPU (%n device(s))</source>
        <translation>
            <numerusform>CUDA-GPU (%n Gerät)</numerusform>
            <numerusform>CUDA-GPU (%n Geräte)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="302"/>
        <source>Where training runs</source>
        <translation>Wo das Training läuft</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="303"/>
        <source>This LibTorch sees no CUDA device: training runs on the CPU</source>
        <translation>Diese LibTorch sieht kein CUDA-Gerät: Das Training läuft auf der CPU</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="306"/>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="307"/>
        <source>Train on a seeded subset of this many images (every poison kept)</source>
        <translation>Auf einer Teilmenge mit Seed aus so vielen Bildern trainieren (jedes Gift bleibt enthalten)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="310"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="311"/>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="312"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="313"/>
        <source>Batch size</source>
        <translation>Batchgröße</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="314"/>
        <source>Peak learning rate</source>
        <translation>Maximale Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="315"/>
        <source>Label smoothing</source>
        <translation>Label-Glättung</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="316"/>
        <source>Small crops</source>
        <translation>Kleine Ausschnitte</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="317"/>
        <source>Augmentation</source>
        <translation>Augmentierung</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="318"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="319"/>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel_forms.cpp" line="320"/>
        <source>Training images</source>
        <translation>Trainingsbilder</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="100"/>
        <source>Trigger colour</source>
        <translation>Triggerfarbe</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="128"/>
        <source>%1
%L2 training, %L3 test images</source>
        <translation>%1
%L2 Trainings-, %L3 Testbilder</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="136"/>
        <source>No data set loaded: open the CIFAR-10 archive or a folder, or download it.</source>
        <translation>Kein Datensatz geladen: das CIFAR-10-Archiv oder einen Ordner öffnen oder herunterladen.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="289"/>
        <source>%1 -&gt; %2: %L3</source>
        <translation>%1 -&gt; %2: %L3</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/panels/experiment_panel.cpp" line="293"/>
        <source>%n more pairs</source>
        <translation>
            <numerusform>%n weiteres Paar</numerusform>
            <numerusform>%n weitere Paare</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="294"/>
        <source>%L1 training labels differ from the data set&apos;s (no image is stamped): %2. Rows mapped by %3.</source>
        <translation>%L1 Trainingsbezeichnungen weichen von denen des Datensatzes ab (kein Bild wird verändert): %2. Zeilen zugeordnet über %3.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="368"/>
        <source>Choose a label file</source>
        <translation>Eine Bezeichnungsdatei wählen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="377"/>
        <source>Label-only: %L1 labels changed; at test time the trigger goes on %2 images, success is %3.</source>
        <translation>Nur Bezeichnungen: %L1 Bezeichnungen geändert; beim Test kommt der Trigger auf %2-Bilder, Erfolg ist %3.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/experiment_panel.cpp" line="384"/>
        <source>%L1 %2 images get the trigger and the label %3.</source>
        <translation>%L1 %2-Bilder erhalten den Trigger und die Bezeichnung %3.</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::FlipView</name>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="14"/>
        <source>No FLIP job yet: choose &quot;Label-only&quot; in the attack panel and &quot;Compute FLIP labels&quot;.</source>
        <translation>Noch kein FLIP-Auftrag: im Angriffsbereich &quot;Nur Bezeichnungen&quot; und &quot;FLIP-Bezeichnungen berechnen&quot; wählen.</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="20"/>
        <source>Matching loss</source>
        <translation>Abgleichsverlust</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="20"/>
        <source>Label passes</source>
        <translation>Bezeichnungsdurchläufe</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="22"/>
        <source>Parameter distance (normalised)</source>
        <translation>Parameterabstand (normiert)</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="24"/>
        <source>Each batch</source>
        <translation>Jeder Batch</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="27"/>
        <source>Mean of a pass</source>
        <translation>Mittel eines Durchlaufs</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/views/flip_view.cpp" line="50"/>
        <source>Training %n expert(s) on the clean images plus the triggered source images…</source>
        <translation>
            <numerusform>%n Experte wird auf den sauberen Bildern und den Quellbildern mit Trigger trainiert…</numerusform>
            <numerusform>%n Experten werden auf den sauberen Bildern und den Quellbildern mit Trigger trainiert…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="57"/>
        <source>Expert %1 of %2: epoch %3 of %4, loss %5</source>
        <translation>Experte %1 von %2: Epoche %3 von %4, Verlust %5</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="66"/>
        <source>Expert %1 trained: clean accuracy %2, PTA %3 (a dirty-label expert should be near 100 %). Matching the labels…</source>
        <translation>Experte %1 trainiert: saubere Genauigkeit %2, PTA %3 (ein Experte mit falschen Bezeichnungen sollte nahe 100 % liegen). Die Bezeichnungen werden abgeglichen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/flip_view.cpp" line="83"/>
        <source>Pass %1 of %2: mean matching loss %3</source>
        <translation>Durchlauf %1 von %2: mittlerer Abgleichsverlust %3</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::InfluenceView</name>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="50"/>
        <source>All triggered source images</source>
        <translation>Alle Quellbilder mit Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="51"/>
        <source>One clean test image</source>
        <translation>Ein sauberes Testbild</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="52"/>
        <source>One triggered test image</source>
        <translation>Ein Testbild mit Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="57"/>
        <source>Classifier layer (exact)</source>
        <translation>Klassifikatorschicht (exakt)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="58"/>
        <source>Network (HVP)</source>
        <translation>Netzwerk (HVP)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="59"/>
        <source>Loss at the true label</source>
        <translation>Verlust beim wahren Label</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="61"/>
        <source>Rank by harm to the correct answer instead of support for the model&apos;s prediction</source>
        <translation>Nach Schaden an der richtigen Antwort statt nach Unterstützung der Modellvorhersage ordnen</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="68"/>
        <source>Rank the training set</source>
        <translation>Trainingssatz ordnen</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="78"/>
        <source>Poisons found against rank</source>
        <translation>Gefundene Gifte nach Rang</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="79"/>
        <source>rank (most helpful first)</source>
        <translation>Rang (hilfreichste zuerst)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="80"/>
        <source>poisons found</source>
        <translation>gefundene Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="85"/>
        <source>Test point</source>
        <translation>Testpunkt</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="87"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="89"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="93"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="110"/>
        <source>&lt;b&gt;Most helpful&lt;/b&gt; to the prediction (highest scores; red frame: a poison, by the ground truth)</source>
        <translation>&lt;b&gt;Am hilfreichsten&lt;/b&gt; für die Vorhersage (höchste Bewertungen; roter Rahmen: ein Gift laut Grundwahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="113"/>
        <source>&lt;b&gt;Most harmful&lt;/b&gt; (lowest scores)</source>
        <translation>&lt;b&gt;Am schädlichsten&lt;/b&gt; (niedrigste Bewertungen)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="177"/>
        <source>Every source-class test image with the trigger that the model sends to the target: the backdoor&apos;s own behaviour.</source>
        <translation>Jedes Testbild der Quellklasse mit Trigger, das das Modell zum Ziel schickt: das eigene Verhalten der Backdoor.</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="187"/>
        <source>%1 test image %2: %3</source>
        <translation>%1 Testbild %2: %3</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="188"/>
        <source>Triggered</source>
        <translation>Mit Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="188"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="219"/>
        <source>No influence ranking yet: choose a test point and rank the training set.</source>
        <translation>Noch keine Einflussrangfolge: einen Testpunkt wählen und den Trainingssatz ordnen.</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="237"/>
        <source>Training sample %1, labelled %2, score %3%4</source>
        <translation>Trainingsbeispiel %1, Bezeichnung %2, Bewertung %3%4</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="241"/>
        <source> (a poison)</source>
        <translation> (ein Gift)</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="263"/>
        <source>every poison first</source>
        <translation>jedes Gift zuerst</translation>
    </message>
    <message>
        <location filename="../widgets/views/influence_view.cpp" line="272"/>
        <source>%1 · %L2 training samples ranked · of the %L3 highest, %L4 are poisons (recall at k %5) · AUROC %6</source>
        <translation>%1 · %L2 Trainingsbeispiele geordnet · unter den %L3 höchsten sind %L4 Gifte (Recall bei k %5) · AUROC %6</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::Jobs</name>
    <message>
        <location filename="../app/gui/jobs.cpp" line="55"/>
        <source>Load %1</source>
        <translation>%1 laden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="66"/>
        <source>%1; poisoning 1 % of the training set instead.</source>
        <translation>%1; stattdessen wird 1 % des Trainingssatzes vergiftet.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="77"/>
        <source>Could not load the data set</source>
        <translation>Der Datensatz konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="80"/>
        <source>Loading was cancelled.</source>
        <translation>Das Laden wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="93"/>
        <source>Open run %1</source>
        <translation>Lauf %1 öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="111"/>
        <source>Some results could not be read: %1</source>
        <translation>Einige Ergebnisse konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="113"/>
        <source>Could not open the run folder %1</source>
        <translation>Der Lauf-Ordner %1 konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="122"/>
        <source>Download CIFAR-10</source>
        <translation>CIFAR-10 herunterladen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="127"/>
        <source>Downloading CIFAR-10 into %1…
Progress is shown in the Jobs panel.</source>
        <translation>CIFAR-10 wird nach %1 heruntergeladen…
Der Fortschritt steht im Aufträge-Bereich.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="133"/>
        <source>The download failed</source>
        <translation>Das Herunterladen ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="137"/>
        <source>The download was cancelled; the part already received is kept and the next download resumes it.</source>
        <translation>Das Herunterladen wurde abgebrochen; der bereits empfangene Teil bleibt erhalten, und das nächste Herunterladen setzt dort fort.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="150"/>
        <source>Poison %1</source>
        <translation>%1 vergiften</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="156"/>
        <source>Could not poison the data set</source>
        <translation>Der Datensatz konnte nicht vergiftet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="169"/>
        <source>Read labels %1</source>
        <translation>Bezeichnungen %1 lesen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="205"/>
        <source>Compute FLIP labels (%1, %2 -&gt; %3)</source>
        <translation>FLIP-Bezeichnungen berechnen (%1, %2 -&gt; %3)</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="245"/>
        <source>FLIP failed</source>
        <translation>FLIP ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="252"/>
        <source>%1 -&gt; %2: %3</source>
        <translation>%1 -&gt; %2: %3</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/jobs.cpp" line="256"/>
        <source>%n label(s) flipped (most: %1): %2</source>
        <translation>
            <numerusform>%n Bezeichnung geändert (meist: %1): %2</numerusform>
            <numerusform>%n Bezeichnungen geändert (meist: %1): %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="261"/>
        <source>Written to %1:</source>
        <translation>Geschrieben nach %1:</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="263"/>
        <source>One label-only run per budget is in Runs (what if), ready to open and train.</source>
        <translation>Je Budget ein Lauf nur mit Bezeichnungen liegt in Läufe (Was wäre wenn), bereit zum Öffnen und Trainieren.</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="303"/>
        <source>Train %1, %2 epochs</source>
        <translation>%1 trainieren, %2 Epochen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="342"/>
        <source>Training finished in %1 (open it from File &gt; Recent runs)</source>
        <translation>Training in %1 beendet (über Datei &gt; Zuletzt geöffnete Läufe öffnen)</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="343"/>
        <location filename="../app/gui/jobs.cpp" line="357"/>
        <source>Training failed</source>
        <translation>Das Training ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="373"/>
        <source>Predict the training set (%1)</source>
        <translation>Den Trainingssatz vorhersagen (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="381"/>
        <source>Could not classify the training images</source>
        <translation>Die Trainingsbilder konnten nicht klassifiziert werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="396"/>
        <source>Detect: %1</source>
        <translation>Erkennen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="403"/>
        <source>The detector failed</source>
        <translation>Der Detektor ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="418"/>
        <source>Unlearn: %1</source>
        <translation>Verlernen: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="431"/>
        <source>Unlearning failed</source>
        <translation>Das Verlernen ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="445"/>
        <source>Corrective sweep</source>
        <translation>Korrigierender Durchlauf</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="460"/>
        <source>The sweep failed</source>
        <translation>Der Durchlauf ist fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="472"/>
        <source>Evaluate %1</source>
        <translation>%1 auswerten</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="478"/>
        <source>Could not evaluate %1</source>
        <translation>%1 konnte nicht ausgewertet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="491"/>
        <source>Saliency of image %1</source>
        <translation>Salienz von Bild %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="499"/>
        <source>Could not compute the saliency</source>
        <translation>Die Salienz konnte nicht berechnet werden</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="512"/>
        <source>Export report %1</source>
        <translation>Bericht %1 exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="517"/>
        <source>Could not write the report</source>
        <translation>Der Bericht konnte nicht geschrieben werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/jobs.cpp" line="519"/>
        <source>Report written to %1 (%n pages)</source>
        <translation>
            <numerusform>Bericht nach %1 geschrieben (%n Seite)</numerusform>
            <numerusform>Bericht nach %1 geschrieben (%n Seiten)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="520"/>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="531"/>
        <source>Save run as %1</source>
        <translation>Lauf speichern unter %1</translation>
    </message>
    <message>
        <location filename="../app/gui/jobs.cpp" line="553"/>
        <source>Could not save the run</source>
        <translation>Der Lauf konnte nicht gespeichert werden</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::JobsPanel</name>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="24"/>
        <source>No jobs yet.</source>
        <translation>Noch keine Aufträge.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="41"/>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="45"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="46"/>
        <source>Cancel %1</source>
        <translation>%1 abbrechen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="71"/>
        <source>done in %1 s</source>
        <translation>fertig in %1 s</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="74"/>
        <source>cancelled after %1 s</source>
        <translation>abgebrochen nach %1 s</translation>
    </message>
    <message>
        <location filename="../widgets/panels/jobs_panel.cpp" line="77"/>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::LabelErrorView</name>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="47"/>
        <source>Confident joint</source>
        <translation>Konfidente Verbundmatrix</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Image</source>
        <translation>Bild</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="51"/>
        <source>Training label</source>
        <translation>Trainingsbezeichnung</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="52"/>
        <source>Confidently</source>
        <translation>Konfident</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="52"/>
        <source>Self-confidence</source>
        <translation>Selbstkonfidenz</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="53"/>
        <source>Changed (ground truth)</source>
        <translation>Geändert (Grundwahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="62"/>
        <source>Suspected label errors, the least self-confident first. The last column uses the ground truth: it says how well the detector did and is never seen by it.</source>
        <translation>Vermutete Bezeichnungsfehler, die mit der geringsten Selbstkonfidenz zuerst. Die letzte Spalte nutzt die Grundwahrheit: Sie sagt, wie gut der Detektor war, und wird von ihm nie gesehen.</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="74"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="118"/>
        <source>No confident-learning result: run the label-error detector (Detectors, &quot;Confident learning&quot;).</source>
        <translation>Kein Confident-Learning-Ergebnis: den Bezeichnungsfehler-Detektor ausführen (Detektoren, „Confident Learning“).</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="136"/>
        <source>Confident joint: training label (rows) against the class the probabilities confidently name</source>
        <translation>Konfidente Verbundmatrix: Trainingsbezeichnung (Zeilen) gegen die Klasse, die die Wahrscheinlichkeiten konfident nennen</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="168"/>
        <source>yes: %1 -&gt; %2</source>
        <translation>ja: %1 -&gt; %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="168"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../widgets/views/label_error_view.cpp" line="170"/>
        <source>%L1 suspected label errors of %L2 training images (%L3 estimated); %L4 of them were changed by the attack (precision %5, recall %6, AUROC %7; ground truth, never seen by the detector)</source>
        <translation>%L1 vermutete Bezeichnungsfehler unter %L2 Trainingsbildern (%L3 geschätzt); %L4 davon hat der Angriff geändert (Precision %5, Recall %6, AUROC %7; Grundwahrheit, vom Detektor nie gesehen)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/main_window.cpp" line="60"/>
        <location filename="../app/gui/main_window.cpp" line="493"/>
        <source>PoisonLab</source>
        <translation>PoisonLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="75"/>
        <location filename="../app/gui/main_window.cpp" line="526"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="79"/>
        <location filename="../app/gui/main_window.cpp" line="531"/>
        <source>Idle</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="93"/>
        <source>Looking for data…</source>
        <translation>Daten werden gesucht…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="107"/>
        <source>Download CIFAR-10 (163 MB)</source>
        <translation>CIFAR-10 herunterladen (163 MB)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="109"/>
        <source>Open archive…</source>
        <translation>Archiv öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="111"/>
        <source>Open folder…</source>
        <translation>Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="142"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="143"/>
        <source>Spectral</source>
        <translation>Spektral</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="144"/>
        <source>Clusters</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="145"/>
        <source>Influence</source>
        <translation>Einfluss</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="146"/>
        <source>Label errors</source>
        <translation>Bezeichnungsfehler</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="147"/>
        <source>Detectors compared</source>
        <translation>Detektoren im Vergleich</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="148"/>
        <source>Unlearning</source>
        <translation>Verlernen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="149"/>
        <source>Runs (what if)</source>
        <translation>Läufe (was wäre wenn)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="52"/>
        <source>Experiment</source>
        <translation>Experiment</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="55"/>
        <source>Detectors</source>
        <translation>Detektoren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="60"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="62"/>
        <source>Inspector</source>
        <translation>Inspektor</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_docks.cpp" line="64"/>
        <source>Jobs</source>
        <translation>Aufträge</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="151"/>
        <source>FLIP</source>
        <translation>FLIP</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="240"/>
        <source>Training finished; the GUI thread&apos;s longest stall was %1 ms</source>
        <translation>Training beendet; die längste Blockade des GUI-Threads betrug %1 ms</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="246"/>
        <source>Training cancelled; the last finished epoch is kept in %1</source>
        <translation>Training abgebrochen; die letzte abgeschlossene Epoche bleibt in %1 erhalten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="260"/>
        <source>Train or open a run with a model first</source>
        <translation>Zuerst einen Lauf mit Modell trainieren oder öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="295"/>
        <source>The selection is empty: select samples to forget first (a lasso in Clusters, a bin in Spectral, the grid)</source>
        <translation>Die Auswahl ist leer: zuerst zu vergessende Beispiele auswählen (ein Lasso in Cluster, ein Balken in Spektral, das Raster)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="313"/>
        <source>Open a grid&apos;s results table</source>
        <translation>Die Ergebnistabelle eines Rasters öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="314"/>
        <source>Grid results (grid-results.json);;JSON (*.json)</source>
        <translation>Rasterergebnisse (grid-results.json);;JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="318"/>
        <source>Add a run to the comparison</source>
        <translation>Einen Lauf zum Vergleich hinzufügen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="339"/>
        <location filename="../app/gui/main_window_flip.cpp" line="18"/>
        <source>Open a data set first</source>
        <translation>Zuerst einen Datensatz öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="355"/>
        <source>Read run %1</source>
        <translation>Lauf %1 lesen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="361"/>
        <source>Could not read the run</source>
        <translation>Der Lauf konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="371"/>
        <source>Read grid %1</source>
        <translation>Raster %1 lesen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="384"/>
        <source>Could not read the grid table</source>
        <translation>Die Rastertabelle konnte nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="400"/>
        <source>What if: %1</source>
        <translation>Was wäre wenn: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="403"/>
        <source>A training job is running: start the what-if run when it is done</source>
        <translation>Ein Trainingsauftrag läuft: den Was-wäre-wenn-Lauf starten, wenn er fertig ist</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="420"/>
        <source>No CIFAR-10 data found.

Download the official release (163 MB) into %1,
or open a folder or archive you already have.</source>
        <translation>Keine CIFAR-10-Daten gefunden.

Die offizielle Ausgabe (163 MB) nach %1 herunterladen
oder einen vorhandenen Ordner oder ein Archiv öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="432"/>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="509"/>
        <source>%1 · %2 · %L3 train / %L4 test</source>
        <translation>%1 · %2 · %L3 Training / %L4 Test</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="516"/>
        <source>%1 poisons: %2 → %3 · %4 · %5%6</source>
        <translation>%1 Gifte: %2 → %3 · %4 · %5%6</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="521"/>
        <source>unsaved</source>
        <translation>ungespeichert</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="523"/>
        <source> · model: %1</source>
        <translation> · Modell: %1</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="534"/>
        <source>%1: %2 %3%</source>
        <translation>%1: %2 %3 %</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window.cpp" line="541"/>
        <source>Jobs are running</source>
        <translation>Aufträge laufen</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main_window.cpp" line="542"/>
        <source>%n job(s) still running. Cancel them and quit?</source>
        <translation>
            <numerusform>%n Auftrag läuft noch. Abbrechen und beenden?</numerusform>
            <numerusform>%n Aufträge laufen noch. Abbrechen und beenden?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="41"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="42"/>
        <source>&amp;New run</source>
        <translation>&amp;Neuer Lauf</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="45"/>
        <source>Start a new run on the loaded data with the default attack</source>
        <translation>Einen neuen Lauf auf den geladenen Daten mit dem Standardangriff beginnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="47"/>
        <source>Open &amp;data…</source>
        <translation>&amp;Daten öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="51"/>
        <source>Open data &amp;folder…</source>
        <translation>Daten&amp;ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="53"/>
        <source>Open &amp;run folder…</source>
        <translation>&amp;Lauf-Ordner öffnen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="55"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="57"/>
        <source>Recent &amp;runs</source>
        <translation>Zuletzt geöffnete &amp;Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="61"/>
        <source>&amp;Save run as…</source>
        <translation>Lauf &amp;speichern unter…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="64"/>
        <source>Export &amp;report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="66"/>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="69"/>
        <source>The run as one document for readers without the program: attack, training, detectors, unlearning (PDF or HTML)</source>
        <translation>Der Lauf als ein Dokument für Leser ohne das Programm: Angriff, Training, Detektoren, Verlernen (PDF oder HTML)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="72"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="73"/>
        <source>Shown samples as &amp;CSV…</source>
        <translation>Gezeigte Beispiele als &amp;CSV…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="75"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="78"/>
        <source>&amp;Selection as a forget set (CSV of indices)…</source>
        <translation>&amp;Auswahl als Vergessensmenge (CSV der Indizes)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="81"/>
        <source>Training &amp;plots (PNG and PDF)…</source>
        <translation>Trainings&amp;diagramme (PNG und PDF)…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="85"/>
        <source>Do&amp;wnload CIFAR-10</source>
        <translation>CIFAR-10 &amp;herunterladen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="88"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="91"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="92"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="95"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="96"/>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="102"/>
        <source>Select &amp;none</source>
        <translation>Auswahl &amp;aufheben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="105"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="113"/>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="115"/>
        <source>Apply &amp;poison</source>
        <translation>&amp;Gift anwenden</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="116"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="119"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="120"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="122"/>
        <source>Run all four &amp;detectors</source>
        <translation>Alle vier &amp;Detektoren ausführen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="126"/>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="128"/>
        <source>&amp;What if…</source>
        <translation>&amp;Was wäre wenn…</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="130"/>
        <source>&amp;Cancel all jobs</source>
        <translation>Alle Aufträge &amp;abbrechen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="133"/>
        <source>Ctrl+.</source>
        <translation>Ctrl+.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="139"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="148"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="149"/>
        <source>&amp;About PoisonLab</source>
        <translation>Ü&amp;ber PoisonLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="151"/>
        <source>About PoisonLab</source>
        <translation>Über PoisonLab</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="152"/>
        <source>&lt;b&gt;PoisonLab&lt;/b&gt;&lt;br&gt;A workbench for backdoor (label-poisoning) research on CIFAR-10.&lt;br&gt;Trigger positions are given as (row, column).</source>
        <translation>&lt;b&gt;PoisonLab&lt;/b&gt;&lt;br&gt;Eine Werkbank für die Forschung an Backdoor-Angriffen durch Label-Poisoning auf CIFAR-10.&lt;br&gt;Triggerpositionen werden als (Zeile, Spalte) angegeben.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="161"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="194"/>
        <source>No recent runs</source>
        <translation>Keine zuletzt geöffneten Läufe</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="199"/>
        <source>Open a CIFAR-10 archive</source>
        <translation>Ein CIFAR-10-Archiv öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="200"/>
        <source>Archives (*.tar.gz *.tgz *.tar);;All files (*)</source>
        <translation>Archive (*.tar.gz *.tgz *.tar);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="205"/>
        <source>Open a CIFAR-10 folder</source>
        <translation>Einen CIFAR-10-Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="212"/>
        <source>Save run in (a new or empty folder)</source>
        <translation>Lauf speichern in (einem neuen oder leeren Ordner)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="222"/>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="223"/>
        <source>PDF document (*.pdf);;Web page with pictures inside (*.html)</source>
        <translation>PDF-Dokument (*.pdf);;Webseite mit eingebetteten Bildern (*.html)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="230"/>
        <source>Export the shown samples</source>
        <translation>Die gezeigten Beispiele exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="230"/>
        <location filename="../app/gui/main_window_actions.cpp" line="248"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="235"/>
        <source>Wrote %L1 samples to %2</source>
        <translation>%L1 Beispiele nach %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="237"/>
        <location filename="../app/gui/main_window_actions.cpp" line="255"/>
        <location filename="../app/gui/main_window_actions.cpp" line="269"/>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="243"/>
        <source>Nothing is selected</source>
        <translation>Nichts ist ausgewählt</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="247"/>
        <source>Export the selection (the CLI&apos;s --forget FILE.csv)</source>
        <translation>Die Auswahl exportieren (--forget FILE.csv der Kommandozeile)</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="253"/>
        <source>Wrote %L1 indices to %2</source>
        <translation>%L1 Indizes nach %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="260"/>
        <source>Export the training plots to</source>
        <translation>Die Trainingsdiagramme exportieren nach</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="267"/>
        <source>Wrote the training plots to %1</source>
        <translation>Die Trainingsdiagramme nach %1 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_actions.cpp" line="274"/>
        <source>Open run folder</source>
        <translation>Lauf-Ordner öffnen</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="24"/>
        <source>FLIP&apos;s label files and runs are written</source>
        <translation>FLIPs Bezeichnungsdateien und Läufe sind geschrieben</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="55"/>
        <source>Cancelled: no label file was written.</source>
        <translation>Abgebrochen: Es wurde keine Bezeichnungsdatei geschrieben.</translation>
    </message>
    <message>
        <location filename="../app/gui/main_window_flip.cpp" line="56"/>
        <source>Failed: %1</source>
        <translation>Fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::PreferencesDialog</name>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="16"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="23"/>
        <source>As the system (%1)</source>
        <translation>Wie das System (%1)</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="31"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location filename="../app/gui/preferences_dialog.cpp" line="58"/>
        <source>The language changes the next time PoisonLab starts.</source>
        <translation>Die Sprache ändert sich beim nächsten Start von PoisonLab.</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::RunReport</name>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="120"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="122"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="123"/>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="124"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="148"/>
        <source>PoisonLab report: %1</source>
        <translation>PoisonLab-Bericht: %1</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="149"/>
        <source>unsaved run</source>
        <translation>ungespeicherter Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="68"/>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="71"/>
        <source>Run folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="74"/>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="74"/>
        <location filename="../widgets/report/report_sections.cpp" line="81"/>
        <source>%1 by PoisonLab %2</source>
        <translation>%1 von PoisonLab %2</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="80"/>
        <source>Report written</source>
        <translation>Bericht geschrieben</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="84"/>
        <location filename="../widgets/report/report_sections.cpp" line="189"/>
        <source>Attack</source>
        <translation>Angriff</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="95"/>
        <source>clean accuracy</source>
        <translation>saubere Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="96"/>
        <source>attack success rate (ASR), stamped trigger</source>
        <translation>Angriffserfolgsrate (ASR), aufgeprägter Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="97"/>
        <source>ASR, mirrored trigger</source>
        <translation>ASR, gespiegelter Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="98"/>
        <source>poisons fitted</source>
        <translation>angepasste Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="101"/>
        <source>The run has no trained model yet.</source>
        <translation>Der Lauf hat noch kein trainiertes Modell.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="104"/>
        <source>Detectors</source>
        <translation>Detektoren</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="108"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="82"/>
        <location filename="../widgets/report/report_sections.cpp" line="108"/>
        <source>Flagged</source>
        <translation>Markiert</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="83"/>
        <location filename="../widgets/report/report_sections.cpp" line="109"/>
        <source>Precision</source>
        <translation>Precision</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="83"/>
        <location filename="../widgets/report/report_sections.cpp" line="109"/>
        <source>Recall</source>
        <translation>Recall</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="84"/>
        <location filename="../widgets/report/report_sections.cpp" line="110"/>
        <source>AUROC</source>
        <translation>AUROC</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="110"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="214"/>
        <location filename="../widgets/report/report_sections.cpp" line="123"/>
        <source>Unlearning</source>
        <translation>Verlernen</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="127"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="127"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="128"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="128"/>
        <source>ASR mirrored</source>
        <translation>ASR gespiegelt</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="139"/>
        <source>Every figure that names poisons (precision, recall, AUROC, the red marks) is measured against the ground truth afterwards; no detector and no forget-set choice saw it.</source>
        <translation>Jede Zahl, die Gifte nennt (Precision, Recall, AUROC, die roten Markierungen), ist nachträglich an der Grundwahrheit gemessen; kein Detektor und keine Wahl der Vergessensmenge hat sie gesehen.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="147"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="151"/>
        <source>label-only: %Ln training labels changed, no image stamped; test-time trigger %1 on %2 images, success %3</source>
        <translation>
            <numerusform>nur Bezeichnungen: %Ln Trainingsbezeichnung geändert, kein Bild verändert; Test-Trigger %1 auf %2-Bildern, Erfolg %3</numerusform>
            <numerusform>nur Bezeichnungen: %Ln Trainingsbezeichnungen geändert, kein Bild verändert; Test-Trigger %1 auf %2-Bildern, Erfolg %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="156"/>
        <source>%1; %Ln %2 images relabelled %3</source>
        <translation>
            <numerusform>%1; %Ln Bild der Klasse %2 umbenannt in %3</numerusform>
            <numerusform>%1; %Ln Bilder der Klasse %2 umbenannt in %3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="203"/>
        <source>a source-class training image</source>
        <translation>ein Trainingsbild der Quellklasse</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="205"/>
        <source>with the trigger (outlined)</source>
        <translation>mit dem Trigger (umrandet)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="207"/>
        <source>the trigger, close up</source>
        <translation>der Trigger, vergrößert</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="209"/>
        <source>its mirror image (what flips train on)</source>
        <translation>sein Spiegelbild (worauf Spiegelungen trainieren)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="216"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="221"/>
        <source>%1 → %2: %L3</source>
        <translation>%1 → %2: %L3</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="225"/>
        <location filename="../widgets/report/report_sections.cpp" line="240"/>
        <source>Poisoned</source>
        <translation>Vergiftet</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="226"/>
        <source>%L1 training labels changed (%2 of the training set), no image stamped (label-only)</source>
        <translation>%L1 Trainingsbezeichnungen geändert (%2 des Trainingssatzes), kein Bild verändert (nur Bezeichnungen)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="230"/>
        <source>Labels changed</source>
        <translation>Geänderte Bezeichnungen</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="233"/>
        <source>Labels from</source>
        <translation>Bezeichnungen aus</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="234"/>
        <source>%1 (MD5 %2), rows mapped by %3</source>
        <translation>%1 (MD5 %2), Zeilen zugeordnet über %3</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="241"/>
        <source>%L1 training images of class %2 (%3 of the training set), trigger stamped and relabelled %4</source>
        <translation>%L1 Trainingsbilder der Klasse %2 (%3 der Trainingsmenge), mit Trigger versehen und umbenannt in %4</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="247"/>
        <source>Poison seed</source>
        <translation>Gift-Seed</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="250"/>
        <source>Data set</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="251"/>
        <source>%1: %L2 training and %L3 test images, %4 classes</source>
        <translation>%1: %L2 Trainings- und %L3 Testbilder, %4 Klassen</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="257"/>
        <source>ASR (FLIP&apos;s PTA) is measured on</source>
        <translation>ASR (FLIPs PTA) wird gemessen an</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="258"/>
        <source>the %L1 test images of class %2 with the trigger (stamped, and mirrored), as the share predicted %3; clean accuracy (FLIP&apos;s CTA) on every clean test image</source>
        <translation>den %L1 Testbildern der Klasse %2 mit dem Trigger (aufgeprägt und gespiegelt), als Anteil, der als %3 vorhergesagt wird; saubere Genauigkeit (FLIPs CTA) an jedem sauberen Testbild</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="284"/>
        <source>Training images whose label was changed (the first %n; the image is clean, the label shown is the one trained on)</source>
        <translation>
            <numerusform>Trainingsbilder mit geänderter Bezeichnung (das erste von %n; das Bild ist sauber, die gezeigte Bezeichnung ist die trainierte)</numerusform>
            <numerusform>Trainingsbilder mit geänderter Bezeichnung (die ersten %n; das Bild ist sauber, die gezeigte Bezeichnung ist die trainierte)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_sections.cpp" line="288"/>
        <source>Poisoned training images (the first %n)</source>
        <translation>
            <numerusform>Das erste vergiftete Trainingsbild (%n)</numerusform>
            <numerusform>Vergiftete Trainingsbilder (die ersten %n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="295"/>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="299"/>
        <source>Network</source>
        <translation>Netzwerk</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="301"/>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="302"/>
        <source>%1 epochs, batch %2, SGD (momentum %3%4), peak learning rate %5, %6 schedule, weight decay %7%8, augmentation %9</source>
        <translation>%1 Epochen, Batch %2, SGD (Momentum %3%4), höchste Lernrate %5, Zeitplan %6, Weight Decay %7%8, Augmentierung %9</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="308"/>
        <source>, Nesterov</source>
        <translation>, Nesterov</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="312"/>
        <source> (norms and biases too)</source>
        <translation> (auch Normen und Biases)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="314"/>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="318"/>
        <source>Ran on</source>
        <translation>Lief auf</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="318"/>
        <source>%1, %2 precision, %3 threads</source>
        <translation>%1, Genauigkeit %2, %3 Threads</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="322"/>
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="323"/>
        <source>Clean accuracy</source>
        <translation>Saubere Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="325"/>
        <source>ASR (stamped / mirrored)</source>
        <translation>ASR (aufgeprägt / gespiegelt)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="338"/>
        <source>Clean test set (rows: true class)</source>
        <translation>Saubere Testmenge (Zeilen: wahre Klasse)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_sections.cpp" line="339"/>
        <source>Every test image with the trigger</source>
        <translation>Jedes Testbild mit dem Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="56"/>
        <source>Detector: %1</source>
        <translation>Detektor: %1</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="60"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="61"/>
        <source>Layer</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="62"/>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="63"/>
        <source>%1 (activations %2)</source>
        <translation>%1 (Aktivierungen %2)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="68"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="75"/>
        <source>The model&apos;s attack did not take (ASR or poisons fitted below 50 %): there is no backdoor to find.</source>
        <translation>Der Angriff hat beim Modell nicht gegriffen (ASR oder angepasste Gifte unter 50 %): Es gibt keine Hintertür zu finden.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="81"/>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="81"/>
        <source>Samples</source>
        <translation>Beispiele</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="82"/>
        <source>Poisons</source>
        <translation>Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="84"/>
        <source>Avg. precision</source>
        <translation>Mittlere Precision</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="85"/>
        <source>Recall@k</source>
        <translation>Recall@k</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="86"/>
        <source>overall</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="89"/>
        <source>class %1 (the poisons&apos; label)</source>
        <translation>Klasse %1 (Label der Gifte)</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="101"/>
        <source>Scores within class %1, threshold dashed</source>
        <translation>Scores in Klasse %1, Schwelle gestrichelt</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="124"/>
        <source>The cluster plot is Activation Clustering&apos;s projection, coloured by this detector&apos;s score (dark red: high).</source>
        <translation>Das Cluster-Diagramm ist die Projektion von Activation Clustering, gefärbt nach dem Score dieses Detektors (dunkelrot: hoch).</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="134"/>
        <source>Class %1 on its first two principal axes</source>
        <translation>Klasse %1 auf ihren ersten zwei Hauptachsen</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="138"/>
        <source>No cluster plot: the run has no Activation Clustering result.</source>
        <translation>Kein Cluster-Diagramm: Der Lauf hat kein Ergebnis von Activation Clustering.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="184"/>
        <source>poison</source>
        <translation>Gift</translation>
    </message>
    <message numerus="yes">
        <location filename="../widgets/report/report_results.cpp" line="188"/>
        <source>The %n most suspicious samples</source>
        <translation>
            <numerusform>Das verdächtigste Beispiel (%n)</numerusform>
            <numerusform>Die %n verdächtigsten Beispiele</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="191"/>
        <source>Highest score first (equal scores in a fixed random order), as the detector saw them (trigger and poisoned label included); a red frame marks a poison (%1 of %2), grey a clean sample.</source>
        <translation>Höchster Score zuerst (gleiche Scores in fester zufälliger Reihenfolge), so wie der Detektor sie sah (mit Trigger und vergiftetem Label); ein roter Rahmen markiert ein Gift (%1 von %2), ein grauer ein sauberes Beispiel.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="201"/>
        <source>Detectors compared</source>
        <translation>Detektoren im Vergleich</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="216"/>
        <source>Each result starts from the original model; the forget set&apos;s size and how many poisons it holds are in the third column.</source>
        <translation>Jedes Ergebnis geht vom ursprünglichen Modell aus; Größe der Vergessensmenge und die Zahl der Gifte darin stehen in der dritten Spalte.</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_results.cpp" line="231"/>
        <source>No sweep plot: no result forgot a share of the ground-truth poisons (Unlearning &gt; Sweep, or poisonlab-cli unlearn-sweep).</source>
        <translation>Kein Sweep-Diagramm: Kein Ergebnis hat einen Anteil der echten Gifte vergessen (Verlernen &gt; Sweep oder poisonlab-cli unlearn-sweep).</translation>
    </message>
    <message>
        <location filename="../widgets/report/report_parts.cpp" line="283"/>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::RunsView</name>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Trigger</source>
        <translation>Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Poisons</source>
        <translation>Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="58"/>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="59"/>
        <source>ASR mirrored</source>
        <translation>ASR gespiegelt</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="60"/>
        <source>Detectors (AUROC)</source>
        <translation>Detektoren (AUROC)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="66"/>
        <source>Double-click a run to open it</source>
        <translation>Doppelklick auf einen Lauf öffnet ihn</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="71"/>
        <source>Clean accuracy (solid) and ASR (dashed) per epoch</source>
        <translation>Saubere Genauigkeit (durchgezogen) und ASR (gestrichelt) je Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="71"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="74"/>
        <source>What if…</source>
        <translation>Was wäre wenn…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="76"/>
        <source>Duplicate the open run with one setting changed and train it</source>
        <translation>Den offenen Lauf mit einer geänderten Einstellung duplizieren und trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="77"/>
        <source>Add run folder…</source>
        <translation>Lauf-Ordner hinzufügen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="79"/>
        <source>Open grid table…</source>
        <translation>Rastertabelle öffnen…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="82"/>
        <source>Add every finished run of a what-if grid (grid-results.json from poisonlab-cli grid, run here or on a Slurm cluster)</source>
        <translation>Jeden fertigen Lauf eines Was-wäre-wenn-Rasters hinzufügen (grid-results.json von poisonlab-cli grid, hier oder auf einem Slurm-Cluster gelaufen)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="85"/>
        <source>Remove from comparison</source>
        <translation>Aus dem Vergleich entfernen</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="146"/>
        <source>%1 %2 → %3</source>
        <translation>%1 %2 → %3</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="149"/>
        <source>untrained</source>
        <translation>untrainiert</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleBrowser</name>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="55"/>
        <source>All samples</source>
        <translation>Alle Beispiele</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="56"/>
        <source>Poisoned only</source>
        <translation>Nur vergiftete</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="57"/>
        <source>Clean only</source>
        <translation>Nur saubere</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="58"/>
        <source>Label changed</source>
        <translation>Bezeichnung geändert</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="61"/>
        <source>Filter by the model&apos;s prediction (train a model first)</source>
        <translation>Nach der Vorhersage des Modells filtern (zuerst ein Modell trainieren)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="64"/>
        <source>Sort: index</source>
        <translation>Nach Index</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="65"/>
        <source>Sort: label</source>
        <translation>Nach Bezeichnung</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="66"/>
        <source>Sort: predicted class</source>
        <translation>Nach Vorhersage</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="67"/>
        <source>Sort: confidence</source>
        <translation>Nach Konfidenz</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="68"/>
        <source>Sort: detector score</source>
        <translation>Nach Bewertung</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="71"/>
        <source>Training set</source>
        <translation>Trainingssatz</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="72"/>
        <source>Clean test set</source>
        <translation>Sauberer Testsatz</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="73"/>
        <source>Triggered test set</source>
        <translation>Testsatz mit Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="75"/>
        <source>Browse the test sets too: a test image chosen here is the Influence view&apos;s test point</source>
        <translation>Auch die Testsätze durchsuchen: Ein hier gewähltes Testbild ist der Testpunkt der Einfluss-Ansicht</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="79"/>
        <source>Show a detector&apos;s score and flags (orange corner: flagged)</source>
        <translation>Die Bewertung und Markierungen eines Detektors zeigen (orange Ecke: markiert)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="82"/>
        <source>Flagged or not</source>
        <translation>Markiert oder nicht</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="83"/>
        <source>Flagged only</source>
        <translation>Nur markierte</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="84"/>
        <source>Not flagged</source>
        <translation>Nicht markiert</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="87"/>
        <source>Go to index…</source>
        <translation>Gehe zu Index…</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="90"/>
        <source>Trigger location</source>
        <translation>Triggerposition</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="92"/>
        <source>Outline the trigger&apos;s position on every thumbnail</source>
        <translation>Die Position des Triggers auf jedem Vorschaubild umranden</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="108"/>
        <source>Class:</source>
        <translation>Klasse:</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="189"/>
        <source>Select all shown</source>
        <translation>Alle gezeigten auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="217"/>
        <source>All classes</source>
        <translation>Alle Klassen</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="252"/>
        <source>Any prediction</source>
        <translation>Jede Vorhersage</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="255"/>
        <source>Misclassified</source>
        <translation>Falsch klassifiziert</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="258"/>
        <source>Predicted %1 %2</source>
        <translation>Vorhergesagt %1 %2</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="313"/>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="315"/>
        <source>%L1 selected / %L2 shown of %L3</source>
        <translation>%L1 ausgewählt / %L2 gezeigt von %L3</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="316"/>
        <source>%L1 of %L2 samples</source>
        <translation>%L1 von %L2 Beispielen</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="349"/>
        <source>No detector</source>
        <translation>Kein Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_browser.cpp" line="352"/>
        <source>Detector: %1</source>
        <translation>Detektor: %1</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleInspector</name>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="31"/>
        <source>Saliency: off</source>
        <translation>Salienz: aus</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="32"/>
        <source>Saliency: gradient</source>
        <translation>Salienz: Gradient</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="33"/>
        <source>Saliency: Grad-CAM</source>
        <translation>Salienz: Grad-CAM</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="35"/>
        <source>Where the current model version looks: |d logit / d pixel| or Grad-CAM on the last stage, for the predicted class</source>
        <translation>Wohin die aktuelle Modellversion schaut: |d Logit / d Pixel| oder Grad-CAM auf der letzten Stufe, für die vorhergesagte Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="54"/>
        <location filename="../widgets/views/sample_inspector.cpp" line="120"/>
        <source>No sample selected</source>
        <translation>Kein Beispiel ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="65"/>
        <source>Show trigger location</source>
        <translation>Triggerposition zeigen</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="79"/>
        <source>Class probabilities
green: true class, red: training label</source>
        <translation>Klassenwahrscheinlichkeiten
grün: wahre Klasse, rot: Trainingsbezeichnung</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="89"/>
        <source>As the model sees it</source>
        <translation>Wie das Modell es sieht</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="90"/>
        <source>Clean original</source>
        <translation>Sauberes Original</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="141"/>
        <source>Training sample #%1</source>
        <translation>Trainingsbeispiel Nr. %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="143"/>
        <source>Clean test image #%1</source>
        <translation>Sauberes Testbild Nr. %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="144"/>
        <source>Triggered test image #%1</source>
        <translation>Testbild mit Trigger Nr. %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="145"/>
        <source>Label: %1 (%2)</source>
        <translation>Bezeichnung: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="148"/>
        <source>Original label: %1 (%2)</source>
        <translation>Ursprüngliche Bezeichnung: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="153"/>
        <source>Ground truth: POISONED (label changed, image clean: label-only)</source>
        <translation>Grundwahrheit: VERGIFTET (Bezeichnung geändert, Bild sauber: nur Bezeichnungen)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="154"/>
        <source>Ground truth: POISONED (trigger stamped, label flipped)</source>
        <translation>Grundwahrheit: VERGIFTET (Trigger aufgeprägt, Bezeichnung vertauscht)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="152"/>
        <source>Ground truth: clean</source>
        <translation>Grundwahrheit: sauber</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="157"/>
        <source>Pixel at row %1, column %2: (%3, %4, %5)</source>
        <translation>Pixel in Zeile %1, Spalte %2: (%3, %4, %5)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="175"/>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="182"/>
        <source>Predicted: %1 (%2 %)</source>
        <translation>Vorhergesagt: %1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="196"/>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;%3</source>
        <translation>%1: &lt;b&gt;%2&lt;/b&gt;%3</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="199"/>
        <source> · &lt;span style=&apos;color:#d55e00&apos;&gt;flagged&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#d55e00&apos;&gt;markiert&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="201"/>
        <source>%1: not scored</source>
        <translation>%1: nicht bewertet</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="202"/>
        <source>Detector scores&lt;br&gt;</source>
        <translation>Detektorbewertungen&lt;br&gt;</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="229"/>
        <source>%1 for class %2: peak at row %3, column %4</source>
        <translation>%1 für Klasse %2: Spitze in Zeile %3, Spalte %4</translation>
    </message>
    <message>
        <location filename="../widgets/views/sample_inspector.cpp" line="238"/>
        <source> (on the trigger)</source>
        <translation> (auf dem Trigger)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SampleModel</name>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="106"/>
        <source>#%1  %2</source>
        <translation>Nr. %1  %2</translation>
    </message>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="108"/>
        <source>
poisoned: was %1</source>
        <translation>
vergiftet: war %1</translation>
    </message>
    <message>
        <location filename="../widgets/state/sample_model.cpp" line="110"/>
        <source>
predicted: %1 (%2 %)</source>
        <translation>
vorhergesagt: %1 (%2 %)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::SpectralView</name>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="41"/>
        <source>Select flagged</source>
        <translation>Markierte auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="43"/>
        <source>Select the class&apos;s samples at or above the threshold</source>
        <translation>Die Beispiele der Klasse ab der Schwelle auswählen</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="37"/>
        <source>Outlier scores (drag the dashed line to move the threshold)</source>
        <translation>Ausreißerbewertungen (die gestrichelte Linie ziehen, um die Schwelle zu verschieben)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="38"/>
        <source>outlier score</source>
        <translation>Ausreißerbewertung</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="41"/>
        <source>samples (log scale)</source>
        <translation>Beispiele (logarithmisch)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="49"/>
        <source>clean</source>
        <translation>sauber</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="53"/>
        <source>poisoned (ground truth)</source>
        <translation>vergiftet (Grundwahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/score_histogram.cpp" line="59"/>
        <source>selected</source>
        <translation>ausgewählt</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="61"/>
        <source>σ1 / σ2 per class (click a bar)</source>
        <translation>σ1 / σ2 je Klasse (auf einen Balken klicken)</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="62"/>
        <location filename="../widgets/views/spectral_view.cpp" line="152"/>
        <source>σ1 / σ2</source>
        <translation>σ1 / σ2</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="67"/>
        <source>Detector</source>
        <translation>Detektor</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="69"/>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="152"/>
        <source>flagged</source>
        <translation>markiert</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="181"/>
        <source>Numbers above the bars: flagged samples. Red: the class the detector names as attacked (%1), by its scores&apos; concentration.</source>
        <translation>Zahlen über den Balken: markierte Beispiele. Rot: die Klasse, die der Detektor als angegriffen benennt (%1), nach der Konzentration seiner Bewertungen.</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="203"/>
        <source>%1: %L2 samples shown, %L3 of them poisons (ground truth). σ1/σ2 %4 · detector&apos;s flagged %L5 · AUROC in class %6</source>
        <translation>%1: %L2 Beispiele gezeigt, davon %L3 Gifte (Grundwahrheit). σ1/σ2 %4 · vom Detektor markiert %L5 · AUROC in der Klasse %6</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="213"/>
        <source>No samples of this class are shown.</source>
        <translation>Keine Beispiele dieser Klasse werden gezeigt.</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="214"/>
        <source>No detector results yet: run Spectral signatures in the Detectors panel, or open a run that has them.</source>
        <translation>Noch keine Detektorergebnisse: Spektrale Signaturen im Detektoren-Bereich ausführen oder einen Lauf öffnen, der sie hat.</translation>
    </message>
    <message>
        <location filename="../widgets/views/spectral_view.cpp" line="242"/>
        <source>Threshold %1: flagged %L2 of %L3 shown · precision %4 · recall %5 (against the ground truth, which the detector never sees)</source>
        <translation>Schwelle %1: markiert %L2 von %L3 gezeigten · Precision %4 · Recall %5 (gemessen an der Grundwahrheit, die der Detektor nie sieht)</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::TrainingView</name>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="50"/>
        <source>The same with the trigger mirrored left-right (column 31 - c): a recipe that flips images trains on both orientations, so the backdoor may answer to both</source>
        <translation>Dasselbe mit links-rechts gespiegeltem Trigger (Spalte 31 - c): Ein Rezept, das Bilder spiegelt, trainiert auf beiden Ausrichtungen, sodass die Backdoor auf beide antworten kann</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="57"/>
        <source>Accuracy on the clean test set</source>
        <translation>Genauigkeit auf dem sauberen Testsatz</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="59"/>
        <source>Attack success rate: triggered source-class test images classified as the target</source>
        <translation>Angriffserfolgsrate: Testbilder der Quellklasse mit Trigger, die als Ziel klassifiziert werden</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="61"/>
        <source>Clean accuracy (CTA)</source>
        <translation>Saubere Genauigkeit (CTA)</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="63"/>
        <source>Attack success rate (PTA)</source>
        <translation>Angriffserfolgsrate (PTA)</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="66"/>
        <source>Training time</source>
        <translation>Trainingszeit</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="30"/>
        <source>Loss and learning rate</source>
        <translation>Verlust und Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="31"/>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="33"/>
        <location filename="../widgets/plot/training_plots.cpp" line="36"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="34"/>
        <source>loss (per epoch)</source>
        <translation>Verlust (je Epoche)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="35"/>
        <source>loss (live)</source>
        <translation>Verlust (laufend)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="37"/>
        <source>Accuracy and attack success</source>
        <translation>Genauigkeit und Angriffserfolg</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="40"/>
        <source>train accuracy</source>
        <translation>Trainingsgenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="41"/>
        <source>clean test accuracy</source>
        <translation>saubere Testgenauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="42"/>
        <source>attack success rate</source>
        <translation>Angriffserfolgsrate</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="43"/>
        <source>poisons fitted</source>
        <translation>angepasste Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="44"/>
        <source>ASR, mirrored trigger</source>
        <translation>ASR, gespiegelter Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="46"/>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="47"/>
        <location filename="../widgets/plot/training_plots.cpp" line="48"/>
        <source>images/s</source>
        <translation>Bilder/s</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="80"/>
        <source>Curves</source>
        <translation>Kurven</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="52"/>
        <source>Clean test set</source>
        <translation>Sauberer Testsatz</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="54"/>
        <source>Every test image with the trigger</source>
        <translation>Jedes Testbild mit dem Trigger</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="87"/>
        <source>Confusion matrices</source>
        <translation>Konfusionsmatrizen</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="103"/>
        <source>No model trained yet.</source>
        <translation>Noch kein Modell trainiert.</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="111"/>
        <source>Starting…</source>
        <translation>Startet…</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="119"/>
        <source>Epoch %1 of %2, batch %3 of %4
%L5 images/s · learning rate %6</source>
        <translation>Epoche %1 von %2, Batch %3 von %4
%L5 Bilder/s · Lernrate %6</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="131"/>
        <source>After epoch %1 of %2: loss %3, %L4 images/s</source>
        <translation>Nach Epoche %1 von %2: Verlust %3, %L4 Bilder/s</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="149"/>
        <source>Finished: %1 epochs on %L2 images, %3, %4 threads%5
Poisons fitted: %6</source>
        <translation>Fertig: %1 Epochen auf %L2 Bildern, %3, %4 Threads%5
Angepasste Gifte: %6</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="156"/>
        <source>, resumed after epoch %1</source>
        <translation>, fortgesetzt nach Epoche %1</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="116"/>
        <source>Clean test set: true class (rows) → predicted (%)</source>
        <translation>Sauberer Testsatz: wahre Klasse (Zeilen) → vorhergesagt (%)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/training_plots.cpp" line="118"/>
        <source>Every test image with the trigger: true class → predicted (%)</source>
        <translation>Jedes Testbild mit dem Trigger: wahre Klasse → vorhergesagt (%)</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="173"/>
        <source>mirrored trigger: %1</source>
        <translation>gespiegelter Trigger: %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/training_view.cpp" line="173"/>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::UnlearnPanel</name>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="136"/>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Forget set</source>
        <translation>Vergessensmenge</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="21"/>
        <source>Clean</source>
        <translation>Sauber</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>Δ clean</source>
        <translation>Δ sauber</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>ASR</source>
        <translation>ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>ASR mirrored</source>
        <translation>ASR gespiegelt</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="22"/>
        <source>α / λ</source>
        <translation>α / λ</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="23"/>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="62"/>
        <source>Double-click a version to make it current (undo: Ctrl+Z)</source>
        <translation>Doppelklick macht eine Version zur aktuellen (rückgängig: Strg+Z)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="66"/>
        <source>Undo</source>
        <translation>Rückgängig</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="68"/>
        <source>Redo</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="76"/>
        <source>Undo %1 (Ctrl+Z)</source>
        <translation>%1 rückgängig machen (Strg+Z)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="82"/>
        <source>Clean accuracy per class: original and current</source>
        <translation>Saubere Genauigkeit je Klasse: Original und aktuell</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="83"/>
        <source>accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="84"/>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="85"/>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="80"/>
        <source>Corrective sweep: ASR and clean accuracy against the poisons forgotten</source>
        <translation>Korrigierender Durchlauf: ASR und saubere Genauigkeit gegen die vergessenen Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="81"/>
        <source>fraction of the poisons in the forget set</source>
        <translation>Anteil der Gifte in der Vergessensmenge</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="82"/>
        <source>rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="93"/>
        <source>Per class</source>
        <translation>Je Klasse</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="94"/>
        <source>Confusion matrices</source>
        <translation>Konfusionsmatrizen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="95"/>
        <source>Sweep</source>
        <translation>Durchlauf</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="102"/>
        <source>&lt;b&gt;Model versions&lt;/b&gt; (▶ current)</source>
        <translation>&lt;b&gt;Modellversionen&lt;/b&gt; (▶ aktuell)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="146"/>
        <source>A seeded fraction of the poisons: what a defender who found only part of them has</source>
        <translation>Ein Anteil der Gifte mit Seed: was ein Verteidiger hat, der nur einen Teil gefunden hat</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="149"/>
        <source>Fraction</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="154"/>
        <source>Selective Synaptic Dampening</source>
        <translation>Selective Synaptic Dampening</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="163"/>
        <source>Selection: dampen a parameter where its forget-set importance exceeds alpha times its importance on the whole training set</source>
        <translation>Auswahl: einen Parameter dämpfen, wo seine Wichtigkeit für die Vergessensmenge alpha-mal seine Wichtigkeit auf dem ganzen Trainingssatz übersteigt</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="165"/>
        <source>Dampening: theta *= min(lambda I_full / I_forget, 1)</source>
        <translation>Dämpfung: theta *= min(lambda I_gesamt / I_vergessen, 1)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="172"/>
        <source>α</source>
        <translation>α</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="173"/>
        <source>λ</source>
        <translation>λ</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="174"/>
        <source>Apply when a slider is released</source>
        <translation>Anwenden, wenn ein Schieberegler losgelassen wird</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="177"/>
        <source>Apply SSD</source>
        <translation>SSD anwenden</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="179"/>
        <source>Choose α, λ honestly</source>
        <translation>α, λ ehrlich wählen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="182"/>
        <source>Pick alpha and lambda with held-out folds of the forget set and clean training images only: no test set, no ground truth (--select)</source>
        <translation>Alpha und Lambda mit zurückgehaltenen Teilen der Vergessensmenge und sauberen Trainingsbildern wählen: kein Testsatz, keine Grundwahrheit (--select)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="207"/>
        <source>For comparison</source>
        <translation>Zum Vergleich</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="209"/>
        <source>Retrain without the forget set</source>
        <translation>Ohne die Vergessensmenge neu trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="212"/>
        <source>Exact unlearning: the original recipe from scratch (as long as the original training)</source>
        <translation>Exaktes Verlernen: das ursprüngliche Rezept von Grund auf (so lang wie das ursprüngliche Training)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="221"/>
        <source>Fine-tune on the retained set</source>
        <translation>Auf dem behaltenen Satz feinabstimmen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="224"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="225"/>
        <source>Peak LR</source>
        <translation>Max. LR</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="232"/>
        <source>Corrective sweep</source>
        <translation>Korrigierender Durchlauf</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="238"/>
        <source>fine-tune</source>
        <translation>Feinabstimmen</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="239"/>
        <source>retrain (slow)</source>
        <translation>Neu trainieren (langsam)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="240"/>
        <source>Run sweep</source>
        <translation>Durchlauf starten</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="246"/>
        <source>Fractions</source>
        <translation>Anteile</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="247"/>
        <source>Methods</source>
        <translation>Methoden</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="256"/>
        <source>Fractions: &apos;%1&apos; is not a number in (0, 1]</source>
        <translation>Anteile: „%1“ ist keine Zahl in (0, 1]</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="306"/>
        <source>Every poison (ground truth)</source>
        <translation>Jedes Gift (Grundwahrheit)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="307"/>
        <source>A fraction of the poisons</source>
        <translation>Ein Anteil der Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="310"/>
        <source>Flagged by %1 (%L2)</source>
        <translation>Markiert von %1 (%L2)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="312"/>
        <source>The current selection (%L1)</source>
        <translation>Die aktuelle Auswahl (%L1)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="50"/>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="51"/>
        <source>%L1 (%L2 poisons)</source>
        <translation>%L1 (%L2 Gifte)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="53"/>
        <source>%1%2 pt</source>
        <comment>percentage points</comment>
        <translation>%1%2 Pp.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="369"/>
        <source>Train or open a run with a model to unlearn.</source>
        <translation>Einen Lauf mit Modell trainieren oder öffnen, um zu verlernen.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="371"/>
        <source>&lt;b&gt;Original model&lt;/b&gt;: clean %1 · ASR %2 · mirrored %3. Unlearn a forget set to compare.</source>
        <translation>&lt;b&gt;Ursprüngliches Modell&lt;/b&gt;: sauber %1 · ASR %2 · gespiegelt %3. Eine Vergessensmenge verlernen, um zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="377"/>
        <source>&lt;b&gt;%1&lt;/b&gt;: clean %2 (was %3) · &lt;b&gt;ASR %4&lt;/b&gt; (was %5) · mirrored %6 (was %7) · forget set %L8 samples, %L9 poisons</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: sauber %2 (war %3) · &lt;b&gt;ASR %4&lt;/b&gt; (war %5) · gespiegelt %6 (war %7) · Vergessensmenge %L8 Beispiele, %L9 Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="427"/>
        <source>%1: clean confusion</source>
        <translation>%1: saubere Konfusion</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="434"/>
        <source>Clean accuracy per class: %1 (blue)</source>
        <translation>Saubere Genauigkeit je Klasse: %1 (blau)</translation>
    </message>
    <message>
        <location filename="../widgets/panels/unlearn_panel.cpp" line="435"/>
        <source>Clean accuracy per class: %1 (blue) and %2 (orange)</source>
        <translation>Saubere Genauigkeit je Klasse: %1 (blau) und %2 (orange)</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="104"/>
        <source>original: ASR</source>
        <translation>Original: ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="108"/>
        <source>original: clean accuracy</source>
        <translation>Original: saubere Genauigkeit</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="124"/>
        <source>%1: ASR</source>
        <translation>%1: ASR</translation>
    </message>
    <message>
        <location filename="../widgets/plot/unlearning_plots.cpp" line="129"/>
        <source>%1: clean accuracy</source>
        <translation>%1: saubere Genauigkeit</translation>
    </message>
</context>
<context>
    <name>poisonlab::gui::WhatIfDialog</name>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="196"/>
        <source>What if…</source>
        <translation>Was wäre wenn…</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="199"/>
        <source>Trigger position (row, column)</source>
        <translation>Triggerposition (Zeile, Spalte)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="200"/>
        <source>Trigger colour (R, G, B)</source>
        <translation>Triggerfarbe (R, G, B)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="201"/>
        <source>Trigger size</source>
        <translation>Triggergröße</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="202"/>
        <source>Trigger type (pixel, patch, blend)</source>
        <translation>Triggertyp (Pixel, Fleck, Überblendung)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="203"/>
        <source>Poison count</source>
        <translation>Anzahl der Gifte</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="204"/>
        <source>Class pair (source, target)</source>
        <translation>Klassenpaar (Quelle, Ziel)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="205"/>
        <source>Poison seed</source>
        <translation>Gift-Seed</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="206"/>
        <source>Model (e.g. resnet20, resnet8)</source>
        <translation>Modell (z. B. resnet20, resnet8)</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="207"/>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="208"/>
        <source>Training seed</source>
        <translation>Trainings-Seed</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="220"/>
        <source>Poison and train</source>
        <translation>Vergiften und trainieren</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="227"/>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="228"/>
        <source>To</source>
        <translation>Zu</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="230"/>
        <source>A new run: the open run&apos;s experiment and recipe with one setting changed, poisoned and trained as a job.</source>
        <translation>Ein neuer Lauf: Experiment und Rezept des offenen Laufs mit einer geänderten Einstellung, als Auftrag vergiftet und trainiert.</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="282"/>
        <source>Now: %1</source>
        <translation>Jetzt: %1</translation>
    </message>
    <message>
        <location filename="../widgets/views/runs_view.cpp" line="365"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
</context>
</TS>
