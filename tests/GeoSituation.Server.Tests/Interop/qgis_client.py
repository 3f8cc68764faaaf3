"""QGIS as a GIS user's client of a GeoSituation server, headless: prints what it saw as one JSON object.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 qgis_client.py BASE_URL OUTPUT_PNG COLLECTION... -- TILE_LAYER...
Loads every OAPIF collection (field names and types, the values of the first ten features QGIS 3.22 guesses the
types from), every vector tile layer and the PNG tile layer, then renders them over Gaza into OUTPUT_PNG.
"""
import json
import os
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererSequentialJob, QgsMapSettings,
                       QgsRasterLayer, QgsRectangle, QgsVectorLayer, QgsVectorTileLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base, output = sys.argv[1].rstrip('/'), sys.argv[2]
rest = sys.argv[3:]
split = rest.index('--')
collections, tile_layers = rest[:split], rest[split + 1:]

app = QgsApplication([], False)
app.initQgis()
result = {'collections': {}, 'tiles': {}}
keep = []

for name in collections:
    layer = QgsVectorLayer(f"url='{base}' typename='{name}' pagingEnabled='true'", name, 'OAPIF')
    entry = {'valid': layer.isValid(), 'count': layer.featureCount(), 'fields': {}, 'sampled': {}}
    if layer.isValid():
        for field in layer.fields():
            entry['fields'][field.name()] = field.typeName()
        names = [f.name() for f in layer.fields()]
        for i, feature in enumerate(layer.getFeatures()):
            if i == 10:
                break
            for field_name, value in zip(names, feature.attributes()):
                if value is not None and not (hasattr(value, 'isNull') and value.isNull()):
                    entry['sampled'][field_name] = True
    result['collections'][name] = entry
    keep.append(layer)

crs = QgsCoordinateReferenceSystem('EPSG:3857')
render = []
for name in tile_layers:
    layer = QgsVectorTileLayer(f'type=xyz&url={base}/tiles/{name}/{{z}}/{{x}}/{{y}}.pbf&zmin=0&zmax=14', name)
    result['tiles'][name] = {'valid': layer.isValid()}
    keep.append(layer)
    if layer.isValid():
        render.append(layer)

png = QgsRasterLayer(f'type=xyz&url={base}/tiles/basemap,places/{{z}}/{{x}}/{{y}}.png&zmin=0&zmax=14', 'png', 'wms')
result['png'] = {'valid': png.isValid()}
keep.append(png)

settings = QgsMapSettings()
settings.setDestinationCrs(crs)
# Gaza, in Web Mercator metres.
settings.setExtent(QgsRectangle(3780000, 3660000, 3850000, 3720000))
settings.setOutputSize(QSize(512, 512))
settings.setBackgroundColor(QColor(255, 255, 255))
settings.setLayers(([png] if png.isValid() else []) + render)
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
image.save(output, 'PNG')
colours = set()
for x in range(0, image.width(), 4):
    for y in range(0, image.height(), 4):
        colours.add(image.pixel(x, y))
result['render'] = {'width': image.width(), 'height': image.height(), 'colours': len(colours),
                    'errors': [e.message for e in job.errors()]}

print(json.dumps(result), flush=True)
# QGIS 3.22's Python bindings crash while tearing down layers at exit (exitQgis or interpreter shutdown): the answer
# is out, so leave without the teardown.
os._exit(0)
