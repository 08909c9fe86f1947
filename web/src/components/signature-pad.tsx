import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';

type Props = {
  /** The drawing as a PNG data URL, or null while the pad is blank. */
  onChange: (pngDataUrl: string | null) => void;
  width?: number;
  height?: number;
};

/**
 * DOC-4: the party's or a witness's handwriting captured on a tablet or with a mouse. Pointer events cover pen, touch
 * and mouse alike; the picture is sent as PNG, which the server checks before keeping it with its hash.
 */
export const SignaturePad = ({ onChange, width = 480, height = 160 }: Props) => {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [isBlank, setIsBlank] = useState(true);

  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
  }, [width, height]);

  const pointOf = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();

    return {
      x: ((event.clientX - box.left) * width) / box.width,
      y: ((event.clientY - box.top) * height) / box.height,
    };
  };
  const start = (event: React.PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = pointOf(event);
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#111111';
    context.beginPath();
    context.moveTo(x, y);
  };
  const move = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    const { x, y } = pointOf(event);
    context.lineTo(x, y);
    context.stroke();
  };
  const end = (event: React.PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    drawing.current = false;
    setIsBlank(false);
    onChange(event.currentTarget.toDataURL('image/png'));
  };
  const clear = () => {
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, width, height);
    setIsBlank(true);
    onChange(null);
  };

  return (
    <Flex vertical gap={4}>
      <canvas
        ref={canvas}
        width={width}
        height={height}
        data-testid="signature-pad"
        aria-label="手写签名区"
        style={{
          width: '100%',
          maxWidth: width,
          aspectRatio: `${width} / ${height}`,
          border: '1px dashed #8c8c8c',
          borderRadius: 6,
          touchAction: 'none',
          cursor: 'crosshair',
          background: '#fff',
        }}
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
      />
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">{isBlank ? '请在框内书写签名' : '已签写'}</Typography.Text>
        <Button size="small" onClick={clear} disabled={isBlank}>
          清除重写
        </Button>
      </Flex>
    </Flex>
  );
};
