/**
 * Whether Cytoscape's WebGL renderer may be used: only with webgl2 on a real GPU. Software GL
 * (SwiftShader, llvmpipe: headless and CI) runs it at well under 1 fps and crashed at 5k/20k
 * (PERFORMANCE.md), so canvas with level-of-detail stays the default path.
 */
export function hasRealWebGl2(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return !/swiftshader|llvmpipe|softpipe|software|basic render|mesa offscreen/i.test(renderer);
  } catch {
    return false;
  }
}
