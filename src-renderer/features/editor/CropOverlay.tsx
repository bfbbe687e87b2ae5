// Crop mode (double-click a photo, as in Canva): the whole photo shows dimmed around its frame; drag
// the photo to choose what shows, drag its corners to zoom it, drag the frame's handles to crop.
// The photo always covers the frame, so nothing is ever stretched. Enter or a click outside keeps
// the crop (one undo step); Escape leaves it as it was.
import Konva from 'konva';
import { useEffect, useLayoutEffect, useRef } from 'react';
import { Group } from 'react-konva';
import { useStore } from 'zustand';
import { cropFromBoxes, keepCovering, photoBox, type Box, type ImageElement } from '../../../src-main/core/design';
import type { Commands } from './commands';
import type { EditorStore } from './editor-store';
import { loadedImage } from './scene-context';

const ACCENT = '#4338ca';

/** Commits or cancels the crop in progress (the keyboard handler and outside clicks call these). */
export const cropSession: { apply: (() => void) | null; cancel: (() => void) | null } = { apply: null, cancel: null };

export function CropOverlay({ editor, cmd }: { editor: EditorStore; cmd: Commands }) {
  const id = useStore(editor.store, (s) => s.croppingId);
  const el = useStore(editor.store, (s) => (s.croppingId ? s.index.get(s.croppingId) : undefined));
  const ref = useRef<Konva.Group>(null);
  const elRef = useRef<ImageElement | null>(null);
  elRef.current = el?.type === 'image' ? el : null;

  useLayoutEffect(() => {
    const root = ref.current;
    const image = elRef.current;
    if (!root || !id || !image) return;
    const source = loadedImage(image.assetId);
    if (!source) {
      editor.crop(null);
      return;
    }
    const layer = root.getLayer()!;
    // Everything in the element's own coordinates: the frame is (0, 0, width, height).
    const g = new Konva.Group({ x: image.x, y: image.y, rotation: image.rotation });
    root.add(g);
    const photo = photoBox(image);
    const frame: Box = { x: 0, y: 0, width: image.width, height: image.height };
    const flip = { scaleX: image.flipX ? -1 : 1, scaleY: image.flipY ? -1 : 1 };
    const dim = new Konva.Image({ image: source, ...photo, opacity: 0.35, draggable: true, name: 'crop-photo' });
    const clipped = new Konva.Group({ clip: frame, listening: false });
    const bright = new Konva.Image({ image: source, ...photo, listening: false });
    clipped.add(bright);
    // The frame only shows and carries its handles: a press inside it grabs the photo underneath.
    const frameRect = new Konva.Rect({ ...frame, stroke: ACCENT, strokeWidth: 2, strokeScaleEnabled: false, name: 'crop-frame', listening: false });
    g.add(dim, clipped, frameRect);
    // Flipped photos are cropped as they show (the flip mirrors the crop about the frame's centre).
    if (image.flipX || image.flipY) g.setAttrs({ ...flip, offsetX: image.flipX ? image.width : 0, offsetY: image.flipY ? image.height : 0 });
    const photoOf = (): Box => ({ x: dim.x(), y: dim.y(), width: dim.width() * dim.scaleX(), height: dim.height() * dim.scaleY() });
    const frameOf = (): Box => ({ x: frameRect.x(), y: frameRect.y(), width: frameRect.width() * frameRect.scaleX(), height: frameRect.height() * frameRect.scaleY() });
    const sync = () => {
      const p = keepCovering(photoOf(), frameOf());
      dim.setAttrs({ ...p, scaleX: 1, scaleY: 1, image: source });
      bright.setAttrs({ ...p, image: source });
      const f = frameOf();
      frameRect.setAttrs({ ...f, scaleX: 1, scaleY: 1 });
      clipped.clip(f);
      layer.batchDraw();
    };
    dim.on('dragmove transform', sync);
    frameRect.on('transform', sync);
    const photoTr = new Konva.Transformer({
      nodes: [dim],
      rotateEnabled: false,
      keepRatio: true,
      enabledAnchors: ['top-left', 'top-right', 'bottom-left', 'bottom-right'],
      anchorStroke: '#9ca3af',
      borderStroke: '#9ca3af',
      name: 'crop-photo-handles',
      // The photo cannot become smaller than the frame it covers.
      boundBoxFunc: (old, box) => {
        const f = frameOf();
        const scale = root.getStage()?.scaleX() ?? 1;
        return box.width / scale < f.width - 0.5 || box.height / scale < f.height - 0.5 ? old : box;
      },
    });
    const frameTr = new Konva.Transformer({
      nodes: [frameRect],
      rotateEnabled: false,
      keepRatio: false,
      anchorFill: ACCENT,
      anchorStroke: '#ffffff',
      borderEnabled: false,
      name: 'crop-frame-handles',
      boundBoxFunc: (old, box) => (box.width < 8 || box.height < 8 ? old : box),
    });
    root.add(photoTr, frameTr);
    layer.batchDraw();

    const finish = () => {
      root.destroyChildren();
      layer.batchDraw();
      cropSession.apply = null;
      cropSession.cancel = null;
    };
    cropSession.cancel = () => {
      finish();
      editor.crop(null);
    };
    cropSession.apply = () => {
      const f = frameOf();
      const p = photoOf();
      finish();
      editor.crop(null);
      const crop = cropFromBoxes(f, p);
      // The frame's new top-left corner, back in page coordinates (the element may be rotated).
      const r = (image.rotation * Math.PI) / 180;
      const fx = image.flipX ? image.width - f.x - f.width : f.x;
      const fy = image.flipY ? image.height - f.y - f.height : f.y;
      cmd.update([image.id], {
        x: image.x + fx * Math.cos(r) - fy * Math.sin(r),
        y: image.y + fx * Math.sin(r) + fy * Math.cos(r),
        width: f.width,
        height: f.height,
        // The crop is in the photo's own pixels: a flip mirrors the whole frame, crop included.
        crop,
      });
    };
    return () => {
      if (cropSession.apply) finish();
    };
  }, [editor, cmd, id]);

  useEffect(() => () => cropSession.cancel?.(), []);
  return <Group ref={ref} name="crop-overlay" />;
}
