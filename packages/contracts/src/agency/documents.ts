import { ApiProperty } from '@nestjs/swagger';

/**
 * A kept document (a signed 调解协议书, a 司法确认申请书 …) as an agency service answers it over NATS:
 * base64, with what the gateway needs to serve it as a download.
 */
export class KeptDocumentFileView {
  @ApiProperty({ example: '人民调解协议书_（2026）黄楼人调字第001号.pdf' }) filename!: string;
  @ApiProperty({ example: 'application/pdf' }) contentType!: string;
  @ApiProperty() sha256!: string;
  @ApiProperty() bytes!: number;
  @ApiProperty({ description: 'the file, base64' }) base64!: string;
}
