import { Module } from '@nestjs/common';
import { OutputGate } from './application/output-gate.service';

@Module({ providers: [OutputGate], exports: [OutputGate] })
export class AirlockModule {}
